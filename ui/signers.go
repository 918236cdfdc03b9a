package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"sodoan/store"
)

// signersInfo says who signs documents issued today: the Bí thư and Phó
// Bí thư holding the office in the register, or how to record them.
func (a *App) signersInfo() fyne.CanvasObject {
	line := func(deputy bool, office string) string {
		s, err := a.st.SignerOn(a.ctx, a.today(), deputy)
		switch {
		case err == nil:
			return fmt.Sprintf("%s: %s", T(office), s.Name)
		case errors.Is(err, store.ErrNoSigner):
			return fmt.Sprintf(T("%s: chưa có trong sổ"), T(office))
		default:
			return fmt.Sprintf("%s: %s", T(office), errText(err))
		}
	}
	l := widget.NewLabel(line(false, "Bí thư") + "\n" + line(true, "Phó Bí thư") + "\n" +
		T("Văn bản do người giữ chức vụ vào ngày của văn bản ký. Ghi chức vụ (Bí thư, Phó Bí thư, từ ngày) trên trang của đoàn viên đó."))
	l.Wrapping = fyne.TextWrapWord
	return l
}
