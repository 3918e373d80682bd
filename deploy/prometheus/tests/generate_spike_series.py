#!/usr/bin/env python3
"""Prints the input series of spike_alert_test.yml in promtool's expanding notation.

Samples every 10 minutes over four weeks and nine hours (T = sample 4086 is 4w9h):
  IR-10  one event per sample, then five per sample in the last hour (a 5x spike);
  IR-23  one per sample, and twenty per sample in the same hour of every week (a weekly peak);
  CN-GS  absent until a week before T, then as IR-10 (too little history to judge).
"""

WEEK = 7 * 24 * 6
T = 4 * WEEK + 54
N = T + 6


def notation(increment, first=0):
    values = [0]
    for i in range(first + 1, N + 1):
        values.append(values[-1] + increment(i))
    segments, i = [], 0
    while i < len(values):
        if i + 1 >= len(values):
            segments.append(str(values[i]))
            break
        step, j = values[i + 1] - values[i], i + 1
        while j + 1 < len(values) and values[j + 1] - values[j] == step:
            j += 1
        segments.append(f"{values[i]}+{step}x{j - i}")
        i = j + 1
    return ("_x%d " % first if first else "") + " ".join(segments)


def spike(i):
    return 5 if T < i <= T + 6 else 1


def weekly(i):
    return 20 if any(w * WEEK + 54 < i <= w * WEEK + 60 for w in range(5)) else 1


if __name__ == "__main__":
    print("IR-10:", notation(spike))
    print("IR-23:", notation(weekly))
    print("CN-GS:", notation(spike, first=T - WEEK - 6))
