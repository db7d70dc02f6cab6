#!/usr/bin/python3
"""Reference baselines for scripts/eval-classify.ts: scikit-learn itself and fastText, on the split the TS script made.

Input: a JSON-lines file, one example per line: {"text": str, "tok": str, "label": str, "split": "train"|"test"}.
`text` is what Xiezhi reads (title, text, respondent name, channel), `tok` the same words space-separated for fastText
(jieba words for Chinese). Output: one JSON line per method with macro-F1 on the test rows and the training CPU time.

Run with Debian's python (`/usr/bin/python3`, packages python3-sklearn and fasttext), not a pyenv one.
"""
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime + c.ru_utime + c.ru_stime


def macro_f1(gold, pred):
    from sklearn.metrics import f1_score
    labels = sorted(set(gold))  # classes of the test set, as Xiezhi's metrics count them
    return float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))


def run_sklearn(train, test):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    c0 = cpu()
    t0 = time.time()
    feats = FeatureUnion([
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True)),
        ("word", TfidfVectorizer(analyzer="word", sublinear_tf=True)),
    ])
    clf = make_pipeline(feats, LogisticRegression(C=10, max_iter=1000))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf.fit([r["text"] for r in train], [r["label"] for r in train])
    train_cpu = cpu() - c0
    train_wall = time.time() - t0
    pred = clf.predict([r["text"] for r in test])
    return {"method": "sklearn", "macro_f1": macro_f1([r["label"] for r in test], list(pred)),
            "train_cpu_s": round(train_cpu, 2), "train_wall_s": round(train_wall, 2)}


def ft_line(r):
    return r["tok"].replace("\n", " ").replace("__label__", "label")


def run_fasttext(train, test):
    exe = "/usr/bin/fasttext"
    with tempfile.TemporaryDirectory() as d:
        tr = os.path.join(d, "train.txt")
        labels = {}
        with open(tr, "w") as f:
            for r in train:
                key = labels.setdefault(r["label"], "c%d" % len(labels))
                f.write("__label__%s %s\n" % (key, ft_line(r)))
        inv = {v: k for k, v in labels.items()}
        te = os.path.join(d, "test.txt")
        with open(te, "w") as f:
            for r in test:
                f.write(ft_line(r) + "\n")
        c0 = cpu()
        t0 = time.time()
        # the usual supervised recipe for short texts: 25 epochs, word bigrams, char 1–3 subwords, one thread
        subprocess.run([exe, "supervised", "-input", tr, "-output", os.path.join(d, "m"), "-epoch", "25", "-lr", "0.5",
                        "-wordNgrams", "2", "-minn", "1", "-maxn", "3", "-dim", "50", "-thread", "1", "-verbose", "0"],
                       check=True, stdout=subprocess.DEVNULL)
        train_cpu = cpu() - c0
        train_wall = time.time() - t0
        out = subprocess.run([exe, "predict", os.path.join(d, "m.bin"), te], check=True, capture_output=True, text=True).stdout
        pred = [inv.get(x.strip().replace("__label__", ""), "") for x in out.splitlines()]
    return {"method": "fasttext", "macro_f1": macro_f1([r["label"] for r in test], pred),
            "train_cpu_s": round(train_cpu, 2), "train_wall_s": round(train_wall, 2)}


def main():
    path = sys.argv[1]
    methods = sys.argv[2].split(",") if len(sys.argv) > 2 else ["sklearn", "fasttext"]
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    for m in methods:
        res = run_sklearn(train, test) if m == "sklearn" else run_fasttext(train, test)
        res["macro_f1"] = round(res["macro_f1"], 4)
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
