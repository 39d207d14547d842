"""Asks each request of bench/reader-requests/story-requests.tsv in a fresh console chat and checks
what comes back: the story's key points (its title first), "Which story do you mean?" listing
each of several stories, or, for a story the folder lacks ("-"), no story shown.

Usage, from the project folder, with DIR holding the seed and ../shared/articles' seven articles
(the README beside this file shows how):
  python3 bench/reader-requests/stories.py target/briefbot.jar DIR
"""
import os, subprocess, sys

jar, knowledge = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
titles = {}
for name in os.listdir(os.path.join(knowledge, 'articles')):
    with open(os.path.join(knowledge, 'articles', name), encoding='utf-8') as f:
        titles[name[:-4]] = f.readline().strip()

right = 0
rows = [line.rstrip('\n').split('\t') for line in open(os.path.join(here, 'story-requests.tsv'))
        if line.strip()]
for message, expected in rows:
    out = subprocess.run(['java', '-jar', jar, 'chat', '--knowledge', knowledge],
                         input=message + '\n/quit\n', capture_output=True, text=True).stdout
    lines = out.splitlines()[1:]
    first = lines[0] if lines else ''
    if expected == '-':
        good = first not in titles.values() and not first.startswith('Which story')
    else:
        wanted = expected.split(',')
        if len(wanted) == 1:
            good = first == titles[wanted[0]]
        else:
            good = first.startswith('Which story') and all(
                any(titles[w] in line for line in lines[:6]) for w in wanted)
    right += good
    print('right' if good else 'wrong', '|', message, '|', first[:90])
print(right, 'of', len(rows))
