module github.com/guifan/guifan

go 1.26.8

require (
	github.com/richardlehane/mscfb v1.0.9
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
)

require github.com/richardlehane/msoleps v1.0.3 // indirect
