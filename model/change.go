package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Area is the part of the platform a change request touches.
type Area string

const (
	AreaDataFields  Area = "data fields"
	AreaWorkflow    Area = "workflow"
	AreaSecurity    Area = "security"
	AreaReporting   Area = "reporting"
	AreaIntegration Area = "integration"
	AreaOther       Area = "other"
)

// Areas lists every area in display order.
var Areas = []Area{AreaDataFields, AreaWorkflow, AreaSecurity, AreaReporting, AreaIntegration, AreaOther}

// Complexity is the lead's rating of the effort a change needs.
type Complexity int

const (
	ComplexityUnrated Complexity = iota
	ComplexityLow
	ComplexityMedium
	ComplexityHigh
)

var complexityNames = [...]string{"", "low", "medium", "high"}

func (c Complexity) String() string {
	if c < 0 || int(c) >= len(complexityNames) {
		return "?"
	}
	return complexityNames[c]
}

// Decision is what the lead decided to do with a change request.
type Decision int

const (
	DecisionUndecided Decision = iota
	// DecisionNow: before go-live.
	DecisionNow
	// DecisionLater: the post-deployment backlog.
	DecisionLater
	DecisionRejected
)

var decisionNames = [...]string{"undecided", "now", "later", "rejected"}

func (d Decision) String() string {
	if d < 0 || int(d) >= len(decisionNames) {
		return "?"
	}
	return decisionNames[d]
}

// CRStatus is where a change request stands in its workflow.
type CRStatus int

const (
	StatusNew CRStatus = iota
	StatusTriaged
	StatusInProgress
	StatusReadyForRetest
	StatusVerified
	StatusRejected
	StatusDeferred
)

var crStatusNames = [...]string{"new", "triaged", "in progress", "ready for retest", "verified", "rejected", "deferred"}

func (s CRStatus) String() string {
	if s < 0 || int(s) >= len(crStatusNames) {
		return "?"
	}
	return crStatusNames[s]
}

// CRStatuses lists every status in workflow order.
var CRStatuses = []CRStatus{StatusNew, StatusTriaged, StatusInProgress, StatusReadyForRetest, StatusVerified, StatusRejected, StatusDeferred}

// Limits on a change request's ratings.
const (
	MinImpact      = 1
	MaxImpact      = 5
	MaxEstimateHrs = 10000
)

// ChangeRequest is a request raised by a tester or trainee, shown as CR-12.
type ChangeRequest struct {
	ID          uint64     `json:"id"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	RaisedBy    string     `json:"raised_by,omitempty"`
	RaisedIn    uint64     `json:"raised_in,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	Area        Area       `json:"area,omitempty"`
	Impact      int        `json:"impact,omitempty"`
	Complexity  Complexity `json:"complexity,omitempty"`
	EstimateHrs float64    `json:"estimate_hours,omitempty"`
	Decision    Decision   `json:"decision"`
	Status      CRStatus   `json:"status"`
	Assignee    string     `json:"assignee,omitempty"`
	// SourceKey is the request's key in the tool it came from (a Jira
	// issue key, a GLPI ticket number, a row's reference): importing the
	// same source again updates the request instead of adding it twice.
	SourceKey string `json:"source_key,omitempty"`
	// AreaText keeps another tool's category that no area stands for
	// ("Database"), when Area is other; see AreaLabel.
	AreaText string `json:"area_text,omitempty"`
}

// MaxSourceKey bounds a source key: keys are short identifiers.
const MaxSourceKey = 200

// AreaLabel is the area as people read it: the original category kept
// for an "other" area, else the area's name.
func (c ChangeRequest) AreaLabel() string {
	if c.Area == AreaOther && c.AreaText != "" {
		return c.AreaText
	}
	return string(c.Area)
}

// Ref is how people name a change request: "CR-12".
func (c ChangeRequest) Ref() string { return fmt.Sprintf("CR-%d", c.ID) }

// Rated tells whether the lead has rated both impact and complexity.
func (c ChangeRequest) Rated() bool {
	return c.Impact != 0 && c.Complexity != ComplexityUnrated
}

// Untriaged tells whether the request still waits in the triage queue.
func (c ChangeRequest) Untriaged() bool {
	return c.Status == StatusNew
}

// Validate reports the first problem that makes a change request unsavable.
// Impact and complexity may be unrated (0) until triage.
func (c ChangeRequest) Validate() error {
	if strings.TrimSpace(c.Title) == "" {
		return fmt.Errorf("title is empty: describe the change in a few words")
	}
	if err := checkImpact(c.Impact); err != nil {
		return err
	}
	if c.Complexity < ComplexityUnrated || c.Complexity > ComplexityHigh {
		return fmt.Errorf("complexity must be low, medium or high")
	}
	if err := checkEstimate(c.EstimateHrs); err != nil {
		return err
	}
	if c.Decision < DecisionUndecided || c.Decision > DecisionRejected {
		return fmt.Errorf("unknown decision: use now, later or reject")
	}
	if c.Status < StatusNew || c.Status > StatusDeferred {
		return fmt.Errorf("unknown status")
	}
	if n := utf8.RuneCountInString(c.SourceKey); n > MaxSourceKey || strings.ContainsAny(c.SourceKey, "\n\r") {
		return fmt.Errorf("source key %q is not a key: keep it to one line of at most %d characters", ClipValue(c.SourceKey), MaxSourceKey)
	}
	if c.Area != "" && !validArea(c.Area) {
		return fmt.Errorf("unknown area %q: use data fields, workflow, security, reporting, integration or other", string(c.Area))
	}
	return nil
}

func validArea(a Area) bool {
	for _, x := range Areas {
		if x == a {
			return true
		}
	}
	return false
}
