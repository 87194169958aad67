#!/usr/bin/env python3
"""Writes a .resx file from a tab-separated list of key<TAB>value lines (keeps resx editing diff-friendly)."""
import sys
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def main(src, dst):
    out = [HEADER]
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, value = line.split("\t", 1)
            out.append(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
    out.append("</root>\n")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("".join(out))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
