import zipfile, sys
from xml.sax.saxutils import escape
def p(t): return f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
def tc(t, pr=''): return f'<w:tc><w:tcPr>{pr}</w:tcPr>{p(t) if t else "<w:p/>"}</w:tc>'
def tr(*cells): return '<w:tr>' + ''.join(cells) + '</w:tr>'
body = [
 p('示例市2023年国民经济和社会发展统计公报'),
 p('一、综合'),
 p('初步核算，全年全市地区生产总值3215.6亿元，比上年增长5.2%。全年居民消费价格比上年上涨0.6%。'),
 p('表1  2023年居民消费价格涨跌幅度（单位：%）'),
 '<w:tbl>' + tr(tc('指标'), tc('2022年'), tc('2023年'))
   + tr(tc('居民消费价格'), tc('1.9'), tc('0.6'))
   + tr(tc('一、食品烟酒'), tc('2.8'), tc('-0.4'))
   + tr(tc('二、衣着'), tc('0.7'), tc('1.1'))
   + tr(tc('三、居住'), tc('0.3'), tc('—')) + '</w:tbl>',
 p('二、工业'),
 p('全年规模以上工业增加值比上年增长6.1%。'),
 p('表2  2023年规模以上工业主要产品产量'),
 '<w:tbl>' + tr(tc('产品名称', '<w:vMerge w:val="restart"/>'), tc('计量单位', '<w:vMerge w:val="restart"/>'), tc('2023年', '<w:gridSpan w:val="2"/>'))
   + tr(tc('', '<w:vMerge/>'), tc('', '<w:vMerge/>'), tc('绝对数'), tc('比上年增长(%)'))
   + tr(tc('水泥'), tc('万吨'), tc('512.3'), tc('-3.5'))
   + tr(tc('汽车'), tc('辆'), tc('86420'), tc('12.4'))
   + tr(tc('#新能源汽车'), tc('辆'), tc('30215'), tc('45.8'))
   + tr(tc('集成电路'), tc('万块'), tc('1250.6'), tc('')) + '</w:tbl>',
 p('三、对外经济'),
 p('表3  2023年货物进出口情况'),
 '<w:tbl>' + tr(tc('指标'), tc('金额（亿元）'), tc('比上年增长（%）'), tc('占比（%）'))
   + tr(tc('进出口总额'), tc('820.4'), tc('3.1'), tc('100.0'))
   + tr(tc('出口额'), tc('510.2'), tc('4.6'), tc('62.2'))
   + tr(tc('其中：机电产品'), tc('301.7'), tc('6.0'), tc('36.8'))
   + tr(tc('进口额'), tc('310.2'), tc('0.7'), tc('37.8')) + '</w:tbl>',
 p('注：本公报为示例，数据均为虚构。'),
]
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
 '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
 + ''.join(body) + '<w:sectPr/></w:body></w:document>')
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
 '<Default Extension="xml" ContentType="application/xml"/>'
 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('word/document.xml', doc)]:
        zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, data)
