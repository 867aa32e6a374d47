package benchgen

import "github.com/guifan/guifan/internal/model"

// Generated dates lie between these years; later versions, extensions and clean-ups
// that would fall after lastDate are not generated.
const (
	firstYear = 1990
	lastYear  = 2027
)

var lastDate = model.NewDate(lastYear, 12, 31)

// yearWeights make recent years more frequent, as in a real library where most
// documents in force were issued in the last decade.
var yearWeights = func() []float64 {
	w := make([]float64, lastYear-firstYear+1)
	for i := range w {
		w[i] = float64(i + 5)
	}
	return w
}()

// randomDate draws a publish date.
func randomDate(r *rng) model.Date {
	y := firstYear + r.weighted(yearWeights)
	return model.NewDate(y, 1, 1).AddDays(r.intn(365))
}

// effectiveAfter is a version's effective date: often the day it is issued (自印发之日起施行),
// otherwise a month later, or the first day of the next month or year.
func effectiveAfter(r *rng, publish model.Date) (model.Date, bool) {
	switch x := r.intn(10); {
	case x < 5:
		return publish, true
	case x < 7:
		return publish.AddDays(30), false
	case x < 9:
		y, m, _ := publish.Parts()
		return model.NewDate(y, m, 1).AddMonths(1), false
	}
	return model.NewDate(publish.Year()+1, 1, 1), false
}
