package raci

// followMsg follows a write that added a row or a column (its ID, 0 for
// none): the cursor goes there. It comes after the write's events were
// applied; when the root had to load the project again instead, the row
// is not shown yet, and the cursor goes there on the load.
type followMsg struct {
	projectID, activityID, personID uint64
}

// followTo starts following msg's row or column, if it is of the open
// project.
func (p *Pane) followTo(msg followMsg) {
	if !p.loaded || p.data.Project.ID != msg.projectID {
		return
	}
	p.follow = msg
	p.placeFollowed()
}

// placeFollowed puts the cursor on the row and column being followed that
// are shown, and stops following them.
func (p *Pane) placeFollowed() {
	if r, ok := p.grid.rowOf[p.follow.activityID]; ok {
		p.rowCur.Pos, p.follow.activityID = r, 0
		p.rowCur.Clamp()
		p.settleRow(1)
	}
	if c, ok := p.grid.colOf[p.follow.personID]; ok {
		p.colCur.Pos, p.follow.personID = c, 0
		p.colCur.Clamp()
	}
}
