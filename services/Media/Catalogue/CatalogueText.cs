namespace Platform.Media.Catalogue;

/// <summary>The catalogue page's own words in ka/az/hy/en.</summary>
public static class CatalogueText
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new(StringComparer.Ordinal)
    {
        ["title"] = W("Programme results catalogue", "პროგრამის შედეგების კატალოგი", "Proqramın nəticələr kataloqu", "Ծրագրի արդյունքների կատալոգ"),
        ["intro"] = W(
            "What the programme of CSOs and local self-government in Kvemo Kartli and Samtskhe-Javakheti has achieved, computed from its own records. Small numbers of people are not shown.",
            "რას მიაღწია სამოქალაქო ორგანიზაციებისა და ადგილობრივი თვითმმართველობის პროგრამამ ქვემო ქართლსა და სამცხე-ჯავახეთში, გამოთვლილი პროგრამის ჩანაწერებიდან. ადამიანების მცირე რიცხვები არ ნაჩვენებია.",
            "Kvemo Kartli və Samtsxe-Cavaxetidə QHT-lər və yerli özünüidarə proqramının nəticələri, proqramın öz qeydlərindən hesablanıb. Kiçik say göstərilmir.",
            "Ինչի է հասել Քվեմո Քարթլիում և Սամցխե-Ջավախքում ՔՀԿ-ների և տեղական ինքնակառավարման ծրագիրը՝ հաշվարկված ծրագրի սեփական գրառումներից։ Մարդկանց փոքր թվերը ցույց չեն տրվում։"),
        ["language"] = W("Language", "ენა", "Dil", "Լեզու"),
        ["results"] = W("Results", "შედეგები", "Nəticələr", "Արդյունքներ"),
        ["stories"] = W("Stories", "ისტორიები", "Hekayələr", "Պատմություններ"),
        ["no-stories"] = W("No stories published yet.", "ისტორიები ჯერ არ გამოქვეყნებულა.", "Hələ heç bir hekayə dərc olunmayıb.", "Դեռ պատմություններ չեն հրապարակվել։"),
        ["to-date"] = W("To date", "დღემდე", "Bu günədək", "Մինչ օրս"),
        ["target"] = W("Target", "სამიზნე", "Hədəf", "Թիրախ"),
        ["baseline"] = W("Baseline", "საბაზისო", "İlkin göstərici", "Ելակետ"),
        ["quarter"] = W("Quarter", "კვარტალი", "Rüb", "Եռամսյակ"),
        ["actual"] = W("Actual", "ფაქტობრივი", "Faktiki", "Փաստացի"),
        ["by-municipality"] = W("By municipality (latest quarter)", "მუნიციპალიტეტების მიხედვით (ბოლო კვარტალი)", "Bələdiyyələr üzrə (son rüb)", "Ըստ համայնքների (վերջին եռամսյակ)"),
        ["municipality"] = W("Municipality", "მუნიციპალიტეტი", "Bələdiyyə", "Համայնք"),
        ["suppressed"] = W("fewer than 5", "5-ზე ნაკლები", "5-dən az", "5-ից պակաս"),
        ["not-recorded"] = W("not recorded", "არ არის მითითებული", "qeyd olunmayıb", "նշված չէ"),
        ["multiple"] = W("several municipalities", "რამდენიმე მუნიციპალიტეტი", "bir neçə bələdiyyə", "մի քանի համայնք"),
        ["no-data"] = W("no data yet", "მონაცემები ჯერ არ არის", "hələ məlumat yoxdur", "տվյալներ դեռ չկան"),
        ["revised"] = W("revised after the quarter was reported", "შესწორებულია კვარტალის ანგარიშის შემდეგ", "rüb hesabatından sonra düzəldilib", "վերանայված եռամսյակի հաշվետվությունից հետո"),
        ["chart"] = W("Actual per quarter against the year's target", "ფაქტობრივი მაჩვენებელი კვარტალების მიხედვით წლის სამიზნესთან შედარებით",
            "Rüblər üzrə faktiki göstərici ilin hədəfi ilə müqayisədə", "Փաստացին ըստ եռամսյակների՝ տարվա թիրախի համեմատ"),
        ["progress"] = W("Progress towards the programme's target", "პროგრესი პროგრამის სამიზნისკენ", "Proqramın hədəfinə doğru irəliləyiş", "Առաջընթաց ծրագրի թիրախի ուղղությամբ"),
        ["back"] = W("Back to the catalogue", "კატალოგში დაბრუნება", "Kataloqa qayıt", "Վերադառնալ կատալոգ"),
        ["published"] = W("Published", "გამოქვეყნდა", "Dərc olunub", "Հրապարակված է"),
        ["funded"] = W("Funded by the European Union", "დაფინანსებულია ევროკავშირის მიერ", "Avropa İttifaqı tərəfindən maliyyələşdirilir", "Ֆինանսավորվում է Եվրոպական միության կողմից"),
        ["skip"] = W("Skip to the results", "შედეგებზე გადასვლა", "Nəticələrə keç", "Անցնել արդյունքներին"),
    };

    private static Dictionary<string, string> W(string en, string ka, string az, string hy) =>
        new(StringComparer.Ordinal) { ["en"] = en, ["ka"] = ka, ["az"] = az, ["hy"] = hy };

    public static string Get(string key, string language) => Words[key][language];

    /// <summary>The language's own name, for the language switch.</summary>
    public static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ka"] = "ქართული", ["az"] = "Azərbaycan", ["hy"] = "Հայերեն", ["en"] = "English",
    };
}
