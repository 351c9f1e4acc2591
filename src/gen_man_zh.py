#!/usr/bin/env python3
"""gen_man_zh.py IN OUT - the Chinese manual page as installed.

groff breaks lines only at spaces, and Chinese has none, so a long
Chinese sentence would run past the right margin.  This marks a
zero-width break point (\\:) after every Han character and every
Chinese punctuation mark, except before closing punctuation (which must
not start a line), in the text lines of the page (requests and comments
are left alone, but the text arguments of .B, .BR, .I ... are marked)."""
import re
import sys

HAN = '\u3400-\u9fff\uf900-\ufaff'
PUNCT = '\u3001\u3002\uff0c\uff1b\uff1a\uff09\uff1f\uff01\u201d\u300d'
OPEN = '\uff08\u201c\u300c'
# After a Han character or punctuation, unless a closing mark follows
# (and never right after an opening one).
BREAK = re.compile('([%s%s])(?=[^%s\\n])' % (HAN, PUNCT, PUNCT))
TEXT_MACROS = ('.B ', '.I ', '.BR ', '.RB ', '.BI ', '.IR ', '.RI ', '.IB ')


def mark(line):
    if line.startswith('.') and not line.startswith(TEXT_MACROS):
        return line
    if line.startswith('.\\"'):
        return line
    return BREAK.sub(lambda m: m.group(1) + '\\:', line)


CJK = re.compile('[%s%s%s]' % (HAN, PUNCT, OPEN))


def joined(lines):
    """A text line ending in Chinese that runs on into a text line
    starting in Chinese: joined with \\c, for the newline would read as a
    space in the middle of a sentence."""
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ''
        if (line and not line.startswith('.') and CJK.match(line[-1]) and
                nxt and not nxt.startswith('.') and CJK.match(nxt[0])):
            line += '\\c'
        out.append(line)
    return out


def main():
    src, out = sys.argv[1], sys.argv[2]
    with open(src, encoding='utf-8') as f:
        lines = f.read().split('\n')
    with open(out, 'w', encoding='utf-8') as f:
        f.write('\n'.join(joined([mark(l) for l in lines])))


if __name__ == '__main__':
    main()
