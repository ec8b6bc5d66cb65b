import sys, os, csv, io, json, re
old_dir, new_dir = sys.argv[1], sys.argv[2]
def sections(text):
    out = {}; cur=None; buf=[]
    for line in text.split('\n'):
        if line.startswith('## report '):
            if cur: out[cur]='\n'.join(buf)
            cur=line; buf=[]
        else: buf.append(line)
    if cur: out[cur]='\n'.join(buf)
    return out
bad=0; added=0
for name in sorted(os.listdir(old_dir)):
    if not (name.endswith('.csv') or name.endswith('.table')): continue
    o=sections(open(os.path.join(old_dir,name)).read()); n=sections(open(os.path.join(new_dir,name)).read())
    if list(o)!=list(n): print(name,'sections differ'); bad+=1; continue
    for k in o:
        if o[k]==n[k]: continue
        if ' queue ' not in k: print(name,k,'non-queue differs'); bad+=1; continue
        if '--format csv' in k:
            rows=list(csv.reader(io.StringIO(n[k])))
            keep=[r for r in rows if len(r)<3 or r[2]!='reminder-due']
            added+=len(rows)-len(keep)
            # renumber ranks
            i=0; out=[]
            for r in keep:
                if r and r[0].isdigit():
                    i+=1; r=[str(i)]+r[1:]
                out.append(r)
            s=io.StringIO(); w=csv.writer(s, lineterminator='\n'); w.writerows(out)
            if s.getvalue().rstrip('\n')!=o[k].rstrip('\n'): print(name,k,'csv queue differs beyond reminder-due'); bad+=1
        elif '--format json' in k:
            a=json.loads(n[k]); b=json.loads(o[k])
            keep=[x for x in a if x.get('reason')!='reminder-due']
            for i,x in enumerate(keep): x['rank']=i+1
            if keep!=b: print(name,k,'json queue differs beyond reminder-due'); bad+=1
        else:
            nl=[l for l in n[k].split('\n') if 'reminder due' not in l and 'reminder-due' not in l]
            strip=lambda ls:[re.sub(r'^\s*\d+\s+','',l) for l in ls]
            ol=o[k].split('\n')
            if strip(nl)!=strip(ol): print(name,k,'table queue differs beyond reminder-due'); bad+=1
print('bad',bad,'reminder-due rows added (csv)',added)
