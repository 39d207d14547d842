"""Scores bench/running-stories/gold.jsonl by question group, alone and in one chat, and counts the
current-state questions whose first passage comes from an older update of the story (asked with
answer.threshold 0, so every question gets one).

Usage, from the project folder, with any build's classes or jar on the class path:
  python3 bench/running-stories/groups.py target/briefbot.jar
  python3 bench/running-stories/groups.py "target/classes:$(cat target/cp.txt)"
"""
import json, os, subprocess, sys, tempfile

classpath = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
gold_file = os.path.join(here, 'gold.jsonl')
gold = [json.loads(line) for line in open(gold_file, encoding='utf-8') if line.strip()]
GROUPS = ['current'] * 5 + ['older'] * 4 + ['repeated'] + ['out of scope'] * 2
PER_STORY = len(GROUPS)


def briefbot(*args, stdin=None):
    command = ['java', '-cp', classpath, 'org.briefbot.app.Main', *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, check=True).stdout


def by_group(result):
    missed = {m['q'] for m in result['misses']}
    counts = {}
    for i, g in enumerate(gold):
        right, asked = counts.get(GROUPS[i % PER_STORY], (0, 0))
        counts[GROUPS[i % PER_STORY]] = (right + (g['q'] not in missed), asked + 1)
    return ', '.join(f'{group} {right}/{asked}' for group, (right, asked) in counts.items())


for chat in ([], ['--chat']):
    result = json.loads(briefbot('eval', gold_file, '--knowledge', here, '--json', *chat))
    print('in one chat' if chat else 'alone', '| hit@1', round(result['hit@1'], 3), '|',
          by_group(result))

# Each story's newest article, by its Published line; the stories are the file names' first words.
newest, titles = {}, set()
for name in sorted(os.listdir(os.path.join(here, 'articles'))):
    with open(os.path.join(here, 'articles', name), encoding='utf-8') as f:
        title, published = f.readline().strip(), f.readline().split(':', 1)[1].strip()
    titles.add(title)
    story = '-'.join(name.split('-')[:2])
    if story not in newest or published > newest[story][1]:
        newest[story] = (title, published)
current = [g['q'] for i, g in enumerate(gold) if GROUPS[i % PER_STORY] == 'current']
with tempfile.NamedTemporaryFile('w', suffix='.yaml', delete=False) as config:
    config.write('answer:\n  threshold: 0\n')
lines = briefbot('--config', config.name, 'ask', '--json', '--knowledge', here,
                 stdin='\n'.join(current) + '\n').splitlines()
os.unlink(config.name)
newest_titles = {title for title, _ in newest.values()}
answers = [json.loads(line) for line in lines]
older = [a for a in answers
         if (a['answer'] or {}).get('article') in titles - newest_titles]
print(len(older), 'of', len(current), 'current-state questions answered first from an older update')
for answer in older:
    print('  ', answer['question'], '->', answer['answer']['article'])
