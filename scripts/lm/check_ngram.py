import sys, math, collections
sys.path.insert(0,'scripts/lm')
import numpy as np
from corpus import load_streams
from ngram_baseline import Table, bits_per_char
vocab, s = load_streams()
V=len(vocab); nl=vocab.index('\n')
train = s['train'][:200000]; test = s['test'][:20000]
N=5
tables=[Table(train,n) for n in range(1,N+1)]
fast = bits_per_char(tables, test, V, nl)
# brute force
cnt=[collections.Counter() for _ in range(N+1)]
tr=list(train)
for n in range(1,N+1):
    for t in range(n-1,len(tr)):
        cnt[n][tuple(tr[t-n+1:t+1])]+=1
hist=[collections.defaultdict(lambda:[0,0]) for _ in range(N+1)]
for n in range(1,N+1):
    for k,c in cnt[n].items():
        h=hist[n][k[:-1]]; h[0]+=c; h[1]+=1
def prob(h, c, n):
    if n==0: return 1.0/V
    lower = prob(h[1:], c, n-1)
    hh = h[-(n-1):] if n>1 else ()
    if hh not in hist[n]: return lower
    C,T = hist[n][hh]
    return (cnt[n].get(hh+(c,),0) + T*lower)/(C+T)
ids=[nl]+list(test)
for n in (3,5):
    tot=0
    for t in range(1,len(ids)):
        m=min(n, t+1)
        h=tuple(ids[max(0,t-m+1):t])
        tot+=-math.log2(prob(h, ids[t], len(h)+1))
    print(n, tot/(len(ids)-1), fast[n])
h=tuple(ids[10:14])
print('sum', sum(prob(h,c,5) for c in range(V)))
