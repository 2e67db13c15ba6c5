# How the reference CSVs beside this file were made (once; they are committed, so the references never change).
# Synthetic on purpose: a weekly season (busy Saturday, quiet Sunday), a slow trend, a yearly wave and noise, and an
# intermittent article. Run from this folder with any Python 3: python3 make-inputs.py
import datetime
import math
import random

random.seed(10)
WEEK = [0.8, 0.9, 0.9, 1.0, 1.2, 1.6, 0.6]   # Monday .. Sunday; every series starts on a Monday


def write(name, start, values):
    with open(name, 'w') as f:
        f.write('date,quantity\n')
        for i, v in enumerate(values):
            f.write('%s,%d\n' % (start + datetime.timedelta(days=i), v))


write('weekly.csv', datetime.date(2025, 3, 3),
      [max(1, round(random.gauss((20 + 0.15 * t) * WEEK[t % 7], 2.5))) for t in range(70)])
write('two-years.csv', datetime.date(2024, 1, 1),
      [max(1, round(random.gauss((12 + 0.01 * t) * WEEK[t % 7] * (1 + 0.25 * math.sin(2 * math.pi * t / 365.25)), 2.0)))
       for t in range(730)])
write('intermittent.csv', datetime.date(2025, 1, 6),
      [random.choice([1, 2, 2, 3, 5]) if random.random() < 0.25 else 0 for t in range(84)])
