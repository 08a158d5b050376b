// Package model holds mopdeck's domain: projects, phases and their gates,
// change requests and their priority, people, RACI matrices, docs,
// checklists and history. It is pure: no I/O, no clock (callers pass
// time.Time in), no terminal code. Every rule the product promises lives
// here as a plain function with table tests at its boundaries.
package model
