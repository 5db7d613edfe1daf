package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestOneHome enforces that this table is the one home of per-language
// facts: outside internal/lang no Go file (tests, tools and generated
// data aside) holds a map literal keyed by language codes, or compares a
// value with a language code other than the source language "en". Adding
// a language is then a row of Table, plus its fonts and data.
func TestOneHome(t *testing.T) {
	codes := Codes()
	isCode := func(e ast.Expr) (string, bool) {
		bl, ok := e.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(bl.Value)
		return s, err == nil && slices.Contains(codes, s)
	}
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "lang", "tools", "testdata", "node_modules", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if _, ok := n.Type.(*ast.MapType); !ok {
					return true
				}
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if c, ok := isCode(kv.Key); ok {
							t.Errorf("%s: a map keyed by language code (%q): put the fact in internal/lang's Table", fset.Position(kv.Pos()), c)
							return true
						}
					}
				}
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					return true
				}
				for _, side := range []ast.Expr{n.X, n.Y} {
					if c, ok := isCode(side); ok && c != "en" {
						t.Errorf("%s: compares with language code %q: put the fact in internal/lang's Table", fset.Position(n.Pos()), c)
					}
				}
			case *ast.CaseClause:
				for _, e := range n.List {
					if c, ok := isCode(e); ok && c != "en" {
						t.Errorf("%s: a case for language code %q: put the fact in internal/lang's Table", fset.Position(e.Pos()), c)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
