"""General word lists for name finding: places, surnames, titles, org suffixes.

These are general knowledge, not any document's answers: China's provinces and
prefecture-level cities (short forms; a few that are also common words, such as
长治 or 白银, are left out), a few dozen countries and continents, the common
Chinese surnames, person titles, organisation suffixes and the abbreviations
that name one body (中央, 国务院, 央视 ...). County-level places come from rules
(suffixes, reuse of bare names, list siblings), never from here.
"""

from __future__ import annotations

PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 "
    "湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 臺灣 台灣 内蒙古 广西 西藏 宁夏 "
    "新疆 香港 澳门 澳門"
).split()

CITIES = (
    # Hebei, Shanxi, Inner Mongolia
    "石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 阳泉 晋城 朔州 晋中 "
    "运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 "
    # Liaoning, Jilin, Heilongjiang
    "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛 长春 四平 辽源 通化 "
    "松原 白城 延边 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 绥化 "
    # Jiangsu, Zhejiang, Anhui
    "南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 "
    "湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 "
    "阜阳 宿州 六安 亳州 池州 宣城 "
    # Fujian, Jiangxi, Shandong
    "福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 "
    "宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 临沂 德州 聊城 滨州 菏泽 "
    # Henan, Hubei, Hunan
    "郑州 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 "
    "武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 长沙 株洲 湘潭 衡阳 "
    "邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西 "
    # Guangdong, Guangxi, Hainan
    "广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 "
    "潮州 揭阳 云浮 南宁 柳州 桂林 梧州 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 "
    "三亚 三沙 儋州 "
    # Sichuan, Guizhou, Yunnan, Tibet
    "成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 "
    "资阳 阿坝 甘孜 凉山 贵阳 六盘水 遵义 安顺 毕节 铜仁 黔东南 黔南 黔西南 昆明 曲靖 玉溪 "
    "保山 昭通 丽江 临沧 楚雄 西双版纳 德宏 怒江 迪庆 拉萨 日喀则 昌都 林芝 那曲 "
    # Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang
    "西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 "
    "庆阳 定西 陇南 临夏 甘南 西宁 海东 玉树 果洛 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 "
    "克拉玛依 吐鲁番 哈密 昌吉 阿克苏 喀什 和田 伊犁 塔城 阿勒泰 石河子 "
    # Taiwan (both scripts), special zones
    "台北 臺北 新北 桃园 桃園 台中 臺中 台南 臺南 高雄 基隆 新竹 嘉义 嘉義 雄安 浦东 浦東"
).split()

COUNTRIES = (
    "中国 中國 美国 美國 英国 英國 法国 法國 德国 德國 日本 韩国 韓國 朝鲜 俄罗斯 俄羅斯 印度 "
    "巴西 加拿大 澳大利亚 意大利 西班牙 葡萄牙 荷兰 瑞士 瑞典 挪威 芬兰 丹麦 波兰 乌克兰 "
    "土耳其 伊朗 伊拉克 以色列 埃及 南非 尼日利亚 墨西哥 阿根廷 越南 泰国 新加坡 马来西亚 "
    "印度尼西亚 菲律宾 巴基斯坦 沙特阿拉伯 新西兰 欧洲 亚洲 非洲 美洲 大洋洲 "
    "中华人民共和国 中華人民共和國"
).split()

KNOWN_PLACES: frozenset[str] = frozenset(PROVINCES + CITIES + COUNTRIES)
"""Bare names (no 省/市 suffix) of well-known places."""

PLACE_NOT_BEFORE = "梦|特色|式|模式|方案|智慧|故事|声音|风格|制造|元素"
"""After a place name these make a concept (中国梦, 中国特色), not a place mention."""

ADMIN_SUFFIXES = "省|市|县|区|自治区|自治州|自治县|特别行政区"
"""Suffixes that may follow a known place name and belong to it (苏州市, 江苏省)."""

PLACE_SUFFIXES = (
    "经济技术开发区|高新技术产业开发区|高新区|开发区|新区|园区|自治州|自治县|街道|"
    "市|县|区|镇|乡|村|旗"
)
"""Suffixes that make a place of an unknown stem (昆山市, 姑苏区, 周庄镇)."""

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席"
    "卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
    "邝劉陳楊黃趙吳鄭謝許韓馮鄧蕭葉蔣魏呂盧鍾譚陸範賈韋鄒孫龔顧羅錢嚴閻薛溫莊聶"
)
"""Common Chinese surnames (simplified and traditional), one character each."""

BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    "丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    "乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘"
    "匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相"
    "查后荆红游竺权逯盖益桓公"
    # The same surnames in Traditional script, where the character differs.
    "趙錢孫鄭馮陳衛蔣韓楊許呂張嚴華謝鄒竇蘇魯韋馬鳳鮑費賀湯羅畢鄔樂齊顧黃蕭貝計龐紀項閔賈婁"
    "顏鍾駱樊虞萬昝盧經繆應貢鄧單龔榮葉蘭闕聶鞏厲龍車靳糜鄂賴藺陰蒼聞譚勞鄭酈雍邊溫莊閻慕連"
    "艾魚廖殳養須權蓋歐劉葉劉賈"
)
"""The surnames of the 百家姓 (single characters), in both scripts: a name frame
(a lone author line) accepts any of them; rules that look for a surname with no
other cue use the commoner ``SURNAMES``."""

COMPOUND_SURNAMES = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|歐陽"

PERSON_TITLES = (
    "总书记|副书记|书记|副主任|主任|副省长|省长|副市长|市长|副县长|县长|副区长|区长|镇长|乡长|"
    "村长|副部长|部长|副局长|局长|副厅长|厅长|处长|科长|副主席|主席|副总理|总理|委员长|常委|"
    "委员|副院长|院长|副校长|校长|董事长|副总经理|总经理|经理|总裁|主编|社长|台长|教授|"
    "研究员|院士|记者|通讯员|秘书长|检察长|庭长|法官|律师|所长|站长|队长|会长|理事长|大使|"
    "发言人|署长|司长|总统|首相|国务卿|议员|总编辑|董事|主管|"
    # Traditional forms (Taiwan, Hong Kong and overseas news).
    "總書記|副書記|書記|副主任|主任|省長|市長|縣長|部長|局長|處長|主席|副總理|總理|委員|"
    "院長|校長|董事長|總經理|經理|總裁|記者|發言人|總統|議員|教授"
)
"""Person titles, longest forms first within each family."""

TITLES_AFTER_NAME = (
    "总书记|主席|总理|委员长|同志|先生|女士|教授|院士|书记|省长|市长|部长|總書記|總理|總統"
)
"""Titles that follow a name (习近平总书记, 雷锋同志)."""

ROLE_AFTER_ORG = (
    "各常委|常委(?!会|班子)|主要领导|主要负责人|负责人|领导(?!小组|班子)|副书记|书记(?!处)|"
    "委员(?!会)|副主任|主任|副部长|部长|副局长|局长|副市长|市长|副省长|省长|副县长|县长|"
    "副主席|主席|秘书长|发言人|副总理|总理|總理|副書記|書記|主任|市長|省長|部長|局長|發言人"
)
"""Words that make an org abbreviation part of a person's title (市委书记, 市委各常委)."""

ORG_SUFFIXES = (
    "人民代表大会常务委员会|常务委员会|人民代表大会|代表大会|委员会|常委会|常委班子|人民政府|办公厅|"
    "办公室|"
    "政府|政协|人大|纪委|监委|党委|党组|法院|检察院|公安局|"
    "集团|公司|银行|大学|学院|中心|协会|学会|研究院|研究所|联合会|总工会|基金会|"
    "电视台|广播电台|报社|通讯社|出版社|医院|学校|中学|小学|班子|小组|研究室|"
    "局|委|办|厅|部|署|队|组|会|院|所|校|社|台"
)
"""Organisation suffixes, longest first (the regex tries them in this order)."""

ORG_ABBREVIATIONS = (
    "中共中央|党中央|中央|国务院|全国人大常委会|全国人大|全国政协|中央纪委|中纪委|中组部|"
    "中宣部|中办|国办|央视|新华社|人民日报社|中新社|联合国|世卫组织|欧盟|北约|东盟|"
    "國務院|中央社|新華社|聯合國|立法院|行政院|立法會|中国共产党|中國共產黨"
)
"""Abbreviations that each name one body."""

EN_HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice President|"
    r"Prime Minister|Premier|Chancellor|Senator|Governor|Mayor|Minister|Secretary|Chairman|"
    r"Chairwoman|Judge|Justice|General|Colonel|Captain|Rev|Reverend|King|Queen|Pope|"
    r"Ambassador|Director|Representative|Rep|Sen|Gov|Special Counsel|Counsel"
)
EN_ORG_WORDS = (
    r"Inc|Ltd|LLC|Corp|Corporation|Company|Co|University|College|School|Institute|Department|"
    r"Ministry|Committee|Council|Commission|Agency|Association|Bank|Foundation|Party|Group|"
    r"Bureau|Office|Organization|Organisation|Authority|Court|Parliament|Congress|Senate|"
    r"Administration|Board|Federation|Union|Society|Centre|Center|Fund|Service|Services|"
    r"Times|Post|Journal|Press|News|Agency|Force|Army|Navy|Police"
)
EN_PLACES = (
    "China|United States|America|Britain|United Kingdom|England|Scotland|Wales|Ireland|France|"
    "Germany|Japan|Korea|Russia|India|Brazil|Canada|Australia|Italy|Spain|Mexico|Europe|Asia|"
    "Africa|Beijing|Shanghai|Hong Kong|Taiwan|London|Paris|Berlin|Tokyo|Washington|New York|"
    "California|Texas|Moscow|Singapore|Vietnam|Thailand|Indonesia|Iran|Israel|Egypt|Ukraine|"
    "Turkey|Pakistan|Nigeria|South Africa|Argentina|Netherlands|Sweden|Norway|Poland|Switzerland"
)

EN_GIVEN_NAMES = frozenset(
    # Common given names of English and other European usage (general vocabulary, as
    # the 百家姓 are for Chinese). Names that are also everyday words (Will, May,
    # Grace, Mark, Frank, Bill) are left out.
    """
    Aaron Adam Adrian Alan Albert Alberto Alessandro Alexander Alexandra Alexei Alfred Alice
    Alison Amanda Amelia Amy Andrea Andreas Andrew Andrey Angela Anna Anne Anthony Antonio
    Arthur Ashley Barbara Benjamin Bernard Beth Brian Bruce Carl Carlos Caroline Catherine
    Cesare Charles Charlotte Chris Christian Christina Christine Christopher Claire Claude
    Cosimo Craig Cynthia Daniel David Deborah Dennis Diana Diego Dmitri Dmitry Donald Dorothy
    Douglas Edgar Edmund Edward Eleanor Elena Elizabeth Emily Emma Eric Ernest Eugene Evelyn
    Federico Felix Fernando Filippo Francesca Francesco Francis Francisco Franz Frederick
    Friedrich Gabriel Gareth Geoffrey George Georg Gerald Giorgio Giovanni Giuliano Giuseppe
    Gordon Graham Gregory Guido Hans Harold Harry Heinrich Helen Henri Henry Herbert Howard
    Hugh Ian Igor Isaac Isabel Isabella Ivan Jack Jacob James Jane Janet Jean Jennifer Jeremy
    Jessica Joan Johann Johannes John Jonathan Jorge Jose Joseph Joshua Juan Julia Julian
    Karen Karl Katherine Kathleen Keith Kenneth Kevin Konstantin Laura Lawrence Leonard
    Leonardo Lewis Linda Lisa Lorenzo Louis Louise Lucia Luigi Luis Margaret Maria Marie Marco
    Martin Mary Matthew Maurice Michael Michel Michele Mikhail Natalia Nathan Nicholas Nicola
    Nicolas Nikolai Oliver Oscar Patricia Patrick Paul Paolo Pedro Peter Philip Pierre Pietro
    Rachel Ralph Raymond Rebecca Richard Robert Roberto Roger Ronald Rosa Ruth Samuel Sarah
    Sean Sebastian Sergei Sergey Simon Sophia Stefan Stephen Steven Susan Thomas Timothy Tom
    Tommaso Victor Vincent Vladimir Walter Wilhelm William Yuri
    """.split()
)
"""Given names: ``Given Surname`` is a person wherever it stands."""

EN_ROLE_NOUNS = (
    "chairman|chairwoman|chair|advisor|adviser|oligarch|spokesman|spokeswoman|spokesperson|"
    "lawyer|attorney|professor|author|editor|founder|co-founder|director|executive|reporter|"
    "correspondent|businessman|businesswoman|candidate|official|aide|associate|analyst|"
    "economist|minister|secretary|president|leader|manager|colleague|deputy|counsel|agent|"
    "officer|governor|senator|ambassador|journalist|historian|poet|novelist|painter|composer"
)
"""Lower-case role nouns written before a full name (chairman Adair Turner)."""

EN_EPITHETS = (
    "Great|Conqueror|Elder|Younger|Bold|Confessor|Magnificent|Wise|Pious|Fair|Good|Terrible|"
    "Lionheart|Navigator|Unready|Lawgiver|Just|Fat|Short|Simple|Red|Black"
)
"""Epithets of ``Name the Epithet`` (Alfred the Great)."""

EN_WORLD_PLACES = (
    "New Zealand|Austria|Belgium|Denmark|Finland|Greece|Portugal|Hungary|Czech Republic|"
    "Romania|Bulgaria|Serbia|Croatia|Chile|Peru|Colombia|Venezuela|Cuba|Philippines|Malaysia|"
    "Saudi Arabia|Iraq|Syria|Afghanistan|Bangladesh|Kenya|Ethiopia|Morocco|Algeria|Libya|"
    "Mongolia|Nepal|Myanmar|Cambodia|Laos|Belarus|Kazakhstan|Georgia|Armenia|Iceland|"
    "Northern Ireland|Dublin|Edinburgh|Cardiff|Belfast|Rome|Madrid|Lisbon|Vienna|Brussels|"
    "Amsterdam|Copenhagen|Stockholm|Oslo|Helsinki|Athens|Warsaw|Prague|Budapest|Kyiv|Kiev|"
    "Ottawa|Canberra|Wellington|Delhi|New Delhi|Seoul|Bangkok|Jakarta|Manila|Cairo|Nairobi|"
    "Tehran|Baghdad|Riyadh|Ankara|Istanbul|Jerusalem|Mexico City|Buenos Aires|Brasilia|"
    "Havana|Lima|Santiago|Bogota|Caracas|Venice|Florence|Milan|Naples|Genoa|Geneva|Zurich|"
    "Munich|Hamburg|Frankfurt|Barcelona|Lyon|Marseille|Chicago|Boston|Los Angeles|"
    "San Francisco|Philadelphia|Toronto|Montreal|Vancouver|Sydney|Melbourne|Mumbai|Manchester|"
    "Liverpool|Birmingham|Glasgow"
)
"""Countries, capitals and large cities beyond ``EN_PLACES`` (a general list)."""
