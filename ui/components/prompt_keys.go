package components

import "github.com/charmbracelet/bubbles/key"

// PromptKeys are what an open Prompt takes besides text, for the help of
// the pane that opened it.
func PromptKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ConfirmKeys are the answers to a Confirm: y, or any other key for no.
func ConfirmKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no (any other key too)")),
	}
}
