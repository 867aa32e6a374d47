module github.com/guifan/guifan

go 1.26.8
