#!/usr/bin/env python3
"""The reference for `scaling bench --scipy`: Approach 3 of Hoffmann et al. 2022 (Sec. 3.3, App. D.2) with SciPy.

Minimises sum_i Huber_delta(LSE(a - alpha*ln N_i, b - beta*ln D_i, e) - ln L_i), delta = 1e-3, summed over runs, with
L-BFGS-B and the analytic gradient, from every point of the paper's 4,500-point grid (alpha, beta in {0, 0.5, .., 2},
e in {-1, -0.5, .., 1}, a, b in {0, 5, .., 25}), and keeps the best. The runs file is the CSV `scaling` reads
(columns parameters,tokens,loss; `#` comments). Prints one JSON object: the law, the objective and the seconds the
process spent (imports, reading and fitting).

Usage: python3 benchmarks/scipy_approach3.py runs.csv [--starts K]
Needs python3-numpy and python3-scipy (Debian: apt-get install python3-scipy); not a test dependency.
"""
import itertools
import json
import sys
import time

START = time.perf_counter()

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

DELTA = 1e-3


def read_runs(path):
    with open(path, encoding="utf-8") as handle:
        rows = [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
    header = [name.strip().lower() for name in rows[0].split(",")]
    index = {name: header.index(alias) for name, aliases in
             (("n", ("parameters", "n")), ("d", ("tokens", "d")), ("loss", ("loss",)))
             for alias in aliases if alias in header}
    values = np.array([[float(line.split(",")[index[k]]) for k in ("n", "d", "loss")] for line in rows[1:]])
    return np.log(values[:, 0]), np.log(values[:, 1]), np.log(values[:, 2])


def objective(theta, log_n, log_d, log_l):
    a, b, e, alpha, beta = theta
    x = np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)])
    top = x.max(axis=0)
    terms = np.exp(x - top)
    total = terms.sum(axis=0)
    r = top + np.log(total) - log_l
    huber = np.where(np.abs(r) <= DELTA, 0.5 * r * r, DELTA * (np.abs(r) - 0.5 * DELTA))
    slope = np.clip(r, -DELTA, DELTA)
    share = terms / total * slope
    gradient = np.array([share[0].sum(), share[1].sum(), share[2].sum(),
                         -(share[0] * log_n).sum(), -(share[1] * log_d).sum()])
    return huber.sum(), gradient


def grid():
    steps = lambda first, last, step: [first + i * step for i in range(int(round((last - first) / step)) + 1)]
    return [(a, b, e, alpha, beta)
            for alpha, beta, e, a, b in itertools.product(steps(0, 2, 0.5), steps(0, 2, 0.5), steps(-1, 1, 0.5),
                                                          steps(0, 25, 5), steps(0, 25, 5))]


def main(argv):
    path = argv[1]
    starts = grid()
    if "--starts" in argv:
        count = int(argv[argv.index("--starts") + 1])
        starts = [starts[i * len(starts) // count] for i in range(count)]
    log_n, log_d, log_l = read_runs(path)
    fit_start = time.perf_counter()
    best = None
    for start in starts:
        result = minimize(objective, np.array(start, dtype=float), args=(log_n, log_d, log_l), jac=True,
                          method="L-BFGS-B")
        if best is None or result.fun < best.fun:
            best = result
    a, b, e, alpha, beta = best.x
    print(json.dumps({
        "law": {"E": float(np.exp(e)), "A": float(np.exp(a)), "B": float(np.exp(b)),
                "alpha": float(alpha), "beta": float(beta)},
        "objective": float(best.fun), "starts": len(starts), "runs": int(len(log_n)),
        "fitSeconds": time.perf_counter() - fit_start, "processSeconds": time.perf_counter() - START,
    }))


if __name__ == "__main__":
    main(sys.argv)
