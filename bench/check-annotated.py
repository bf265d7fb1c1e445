#!/usr/bin/python3
"""Checks the annotated PDFs of a benchmark run against its result.json files (evaluation, not a unit test:
the bench cases come from ../shared, which never enters the repository's tests).

    bench/check-annotated.py RESULTS_DIR      (e.g. /tmp/buildtrace-bench/results/cmd-...-dev-seed1)

For every case: annotated.pdf opens; each compared sheet's page carries one PolygonCloud markup per change
region of result.json, whose rectangle contains the region (within 1 pt, rotation applied); every page renders
with poppler's pdftoppm. Prints one line per case and a total.
"""
import json
import os
import subprocess
import sys
import tempfile

import fitz  # PyMuPDF, installed by ../shared/bench/install-deps


def check(case_dir):
    result = json.load(open(os.path.join(case_dir, "result.json")))
    doc = fitz.open(os.path.join(case_dir, "annotated.pdf"))
    problems = []
    regions = clouds = 0
    sheets = [p for p in result["pages"] if p.get("newPage") is not None]
    for p in sheets:
        # the first page is the set summary; sheets follow in new-page order
        page = doc[1 + sorted(s["newPage"] for s in sheets).index(p["newPage"])]
        # raw annotation dictionaries (this PyMuPDF cannot load every annotation type as an object)
        rects = []
        for xref, _kind, _ in page.annot_xrefs():
            subject = doc.xref_get_key(xref, "Subj")[1]
            if "Change" not in subject:
                continue
            x0, y0, x1, y1 = (float(v) for v in doc.xref_get_key(xref, "Rect")[1].strip("[]").split())
            rects.append(fitz.Rect(x0, y0, x1, y1) * page.transformation_matrix * page.rotation_matrix)
        regions += len(p.get("regions", []))
        clouds += len(rects)
        if len(rects) != len(p.get("regions", [])):
            problems.append(f"page {p['newPage']}: {len(rects)} markups for {len(p.get('regions', []))} regions")
        for r in p.get("regions", []):
            x, y, w, h = r["x"], r["y"], r["width"], r["height"]
            if not any(q.x0 <= x + 1 and q.y0 <= y + 1 and q.x1 >= x + w - 1 and q.y1 >= y + h - 1 for q in rects):
                problems.append(f"page {p['newPage']}: no markup around region {r.get('id')}")
    with tempfile.TemporaryDirectory() as tmp:
        rendered = subprocess.run(["pdftoppm", "-r", "10", "-png", os.path.join(case_dir, "annotated.pdf"),
                                   os.path.join(tmp, "p")], capture_output=True)
        pngs = len([f for f in os.listdir(tmp) if f.endswith(".png")])
    if rendered.returncode != 0 or pngs != doc.page_count:
        problems.append(f"pdftoppm rendered {pngs} of {doc.page_count} pages (exit {rendered.returncode})")
    return regions, clouds, doc.page_count, problems


def main():
    root = sys.argv[1]
    total_regions = total_clouds = bad = 0
    for case in sorted(os.listdir(root)):
        d = os.path.join(root, case)
        if not os.path.isfile(os.path.join(d, "annotated.pdf")):
            continue
        regions, clouds, pages, problems = check(d)
        total_regions += regions
        total_clouds += clouds
        bad += bool(problems)
        print(f"{case}: {pages} pages, {clouds} cloud markups for {regions} regions"
              + ("" if not problems else "  PROBLEMS: " + "; ".join(problems[:3])))
    print(f"annotated: cases_with_problems={bad} regions={total_regions} cloud_markups={total_clouds}")


if __name__ == "__main__":
    main()
