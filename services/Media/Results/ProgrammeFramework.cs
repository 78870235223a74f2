namespace Platform.Media.Results;

/// <summary>
/// The programme's results framework, shipped as seed data: Results 1-3 and their indicators, with baselines at the
/// programme's start and targets for each programme year (2025-2028; cumulative targets are what is reached by the
/// end of that year, per-period ones what is reached within the year).
/// </summary>
public static class ProgrammeFramework
{
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly string[] ByMunicipality = [FactDimensions.Municipality];
    private static readonly string[] ByOrganisation = [FactDimensions.Municipality, FactDimensions.OrganizationType];
    private static readonly string[] ByPerson = [FactDimensions.Municipality, FactDimensions.Gender, FactDimensions.AgeGroup];

    private static Dictionary<string, string> T(string en, string ka, string az, string hy) =>
        new(StringComparer.Ordinal) { ["en"] = en, ["ka"] = ka, ["az"] = az, ["hy"] = hy };

    private static Dictionary<int, decimal> Targets(decimal y2025, decimal y2026, decimal y2027, decimal y2028) =>
        new() { [2025] = y2025, [2026] = y2026, [2027] = y2027, [2028] = y2028 };

    private static Dictionary<string, string> Where(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    public static readonly IReadOnlyList<ResultArea> Results =
    [
        new("R1", T(
                "Capacities of civil society strengthened, improving the quality of and access to social services",
                "სამოქალაქო საზოგადოების შესაძლებლობები გაძლიერებულია, რაც აუმჯობესებს სოციალური სერვისების ხარისხსა და ხელმისაწვდომობას",
                "Vətəndaş cəmiyyətinin imkanları gücləndirilib, sosial xidmətlərin keyfiyyəti və əlçatanlığı yaxşılaşır",
                "Քաղաքացիական հասարակության կարողությունները ամրապնդված են՝ բարելավելով սոցիալական ծառայությունների որակը և հասանելիությունը"),
        [
            new("R1.1", T("CSOs whose capacity score improved by at least one level",
                    "სამოქალაქო ორგანიზაციები, რომელთა შესაძლებლობების ქულა მინიმუმ ერთი დონით გაუმჯობესდა",
                    "Potensial balı ən azı bir səviyyə yüksələn QHT-lər",
                    "ՔՀԿ-ներ, որոնց կարողությունների գնահատականը բարելավվել է առնվազն մեկ մակարդակով"),
                "Share of CSOs assessed at baseline and again later (OCA, midline or endline) whose latest overall score is at least one level (1.0) above their baseline; a corrected assessment replaces the earlier one.",
                IndicatorMeasure.Percent, Aggregation.Cumulative,
                new PercentOf(new ScoreImproved("oca-cso", 1m, ImprovedOnly: true), new ScoreImproved("oca-cso", 1m, ImprovedOnly: false)),
                ByOrganisation, new Baseline(0, Start, "No CSO reassessed before the programme."), Targets(0, 30, 50, 70), "%", false),
            new("R1.2", T("CSOs with a baseline capacity assessment", "სამოქალაქო ორგანიზაციები საბაზისო შეფასებით",
                    "İlkin potensial qiymətləndirməsi aparılmış QHT-lər", "Ելակետային կարողությունների գնահատում անցած ՔՀԿ-ներ"),
                "Organisations with a validated baseline OCA assessment, counted once each.",
                IndicatorMeasure.Count, Aggregation.Cumulative,
                new CountOf(FactKinds.CapacityAssessment, new Dictionary<string, string> { ["assessment-kind"] = "baseline", ["instrument"] = "oca-cso" }),
                ByOrganisation, new Baseline(0, Start, "Programme start."), Targets(20, 40, 40, 40), "organisations", false),
            new("R1.3", T("LSG staff trained on the human-rights-based approach",
                    "ადამიანის უფლებებზე დაფუძნებულ მიდგომაში გადამზადებული მუნიციპალიტეტის თანამშრომლები",
                    "İnsan hüquqlarına əsaslanan yanaşma üzrə təlim keçmiş bələdiyyə əməkdaşları",
                    "Մարդու իրավունքների վրա հիմնված մոտեցմամբ վերապատրաստված ՏԻՄ աշխատակիցներ"),
                "Participants of capacity activities on the human-rights-based approach held for local self-government staff (TrainingDelivered with hrba and audience lsg-staff).",
                IndicatorMeasure.Count, Aggregation.Cumulative,
                new SumOf(FactKinds.Training, Measures.Participants, new Dictionary<string, string> { ["hrba"] = "true", ["audience"] = "lsg-staff" }),
                [FactDimensions.Municipality, FactDimensions.Gender], new Baseline(0, Start, "Programme start."), Targets(40, 100, 160, 200), "people", true),
            new("R1.4", T("CSO staff trained in the quarter", "გადამზადებული სამოქალაქო ორგანიზაციების თანამშრომლები კვარტალში",
                    "Rüb ərzində təlim keçmiş QHT əməkdaşları", "Եռամսյակում վերապատրաստված ՔՀԿ աշխատակիցներ"),
                "Participants of trainings, mentoring, study tours and exchange visits for CSO staff, counted in the quarter the activity ended.",
                IndicatorMeasure.Count, Aggregation.PerPeriod,
                new SumOf(FactKinds.Training, Measures.Participants, Where("audience", "cso-staff")),
                [FactDimensions.Municipality, FactDimensions.Gender], new Baseline(0, Start, "Programme start."), Targets(60, 120, 120, 60), "people", true),
            new("R1.5", T("Young Professionals graduated", "ახალგაზრდა პროფესიონალთა პროგრამის კურსდამთავრებულები",
                    "Gənc Peşəkarlar Proqramının məzunları", "Երիտասարդ մասնագետների ծրագրի շրջանավարտներ"),
                "Participants who completed the Young Professionals Program (ParticipantGraduated), by home municipality.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new CountOf(FactKinds.Graduation),
                ByMunicipality, new Baseline(0, Start, "Programme start."), Targets(10, 30, 50, 60), "people", true),
            new("R1.6", T("Participants of civic education camps", "სამოქალაქო განათლების ბანაკების მონაწილეები",
                    "Vətəndaş təhsili düşərgələrinin iştirakçıları", "Քաղաքացիական կրթության ճամբարների մասնակիցներ"),
                "People who attended civic education camps for youth and for women (CampHeld).",
                IndicatorMeasure.Count, Aggregation.Cumulative, new SumOf(FactKinds.Camp, Measures.Participants),
                ByPerson, new Baseline(0, Start, "Programme start."), Targets(60, 180, 300, 400), "people", true),
        ]),
        new("R2", T(
                "Participatory mechanisms established in the target municipalities",
                "თანამონაწილეობითი მექანიზმები დანერგილია სამიზნე მუნიციპალიტეტებში",
                "Hədəf bələdiyyələrdə iştirakçı mexanizmlər yaradılıb",
                "Մասնակցային մեխանիզմներ են ստեղծված թիրախային համայնքներում"),
        [
            new("R2.1", T("Municipalities with an active partnership group", "მუნიციპალიტეტები აქტიური პარტნიორობის ჯგუფით",
                    "Fəal tərəfdaşlıq qrupu olan bələdiyyələr", "Գործող գործընկերային խումբ ունեցող համայնքներ"),
                "Municipalities where a partnership group of CSOs and the LSG body was formed and not closed by the end of the quarter.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new ActiveMunicipalities(FactKinds.GroupFormed, FactKinds.GroupClosed),
                ByMunicipality, new Baseline(0, Start, "No partnership group before the programme."), Targets(4, 8, 8, 8), "municipalities", false),
            new("R2.2", T("Recommendations adopted by authorities", "ხელისუფლების მიერ მიღებული რეკომენდაციები",
                    "Hakimiyyət orqanlarının qəbul etdiyi tövsiyələr", "Իշխանությունների կողմից ընդունված առաջարկություններ"),
                "Recommendations of the Regional Social Services Alliance adopted fully or in part, in the quarter of their adoption.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new CountOf(FactKinds.RecommendationAdopted),
                ByMunicipality, new Baseline(0, Start, "Programme start."), Targets(2, 6, 10, 12), "recommendations", false),
            new("R2.3", T("Adopted recommendations fully implemented", "მიღებული რეკომენდაციები, რომლებიც სრულად შესრულდა",
                    "Tam icra olunmuş qəbul edilmiş tövsiyələr", "Ընդունված առաջարկություններ, որոնք ամբողջությամբ իրականացվել են"),
                "Share of adopted recommendations whose latest implementation record says completed.",
                IndicatorMeasure.Percent, Aggregation.Cumulative,
                new PercentOf(new CountOf(FactKinds.RecommendationImplemented, Where("completed", "true")), new CountOf(FactKinds.RecommendationAdopted)),
                ByMunicipality, new Baseline(0, Start, "Programme start."), Targets(0, 25, 50, 75), "%", false),
            new("R2.4", T("People taking part in participatory pilot initiatives", "თანამონაწილეობითი საპილოტე ინიციატივების მონაწილეები",
                    "İştirakçı pilot təşəbbüslərin iştirakçıları", "Մասնակցային փորձնական նախաձեռնությունների մասնակիցներ"),
                "Participants of completed public hearings, participatory budgeting, petitions and citizen panels run jointly by a CSO and an LSG body.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new SumOf(FactKinds.PilotInitiative, Measures.Participants),
                ByPerson, new Baseline(0, Start, "Programme start."), Targets(100, 400, 800, 1000), "people", true),
        ]),
        new("R3", T(
                "Local stakeholders strengthened through financial support; quality of and access to social services improved",
                "ადგილობრივი აქტორები გაძლიერებულია ფინანსური მხარდაჭერით; გაუმჯობესებულია სოციალური სერვისების ხარისხი და ხელმისაწვდომობა",
                "Yerli maraqlı tərəflər maliyyə dəstəyi ilə gücləndirilib; sosial xidmətlərin keyfiyyəti və əlçatanlığı yaxşılaşıb",
                "Տեղական շահագրգիռ կողմերն ամրապնդված են ֆինանսական աջակցությամբ. բարելավված են սոցիալական ծառայությունների որակը և հասանելիությունը"),
        [
            new("R3.1", T("Grants awarded", "გაცემული გრანტები", "Verilmiş qrantlar", "Տրամադրված դրամաշնորհներ"),
                "Grants awarded to CSOs, social-service providers and programme graduates (GrantAwarded), by municipality and target group.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new CountOf(FactKinds.GrantAwarded),
                [FactDimensions.Municipality, FactDimensions.OrganizationType, "target-group"], new Baseline(0, Start, "Programme start."),
                Targets(10, 25, 40, 45), "grants", false),
            new("R3.2", T("Grant funds paid (GEL)", "გადახდილი საგრანტო თანხა (ლარი)", "Ödənilmiş qrant vəsaiti (lari)", "Վճարված դրամաշնորհային միջոցներ (լարի)"),
                "Tranches paid to grantees in lari (TranchePaid in GEL), in the quarter of payment.",
                IndicatorMeasure.Amount, Aggregation.Cumulative, new SumOf(FactKinds.TranchePaid, Measures.Amount, Where("currency", "GEL")),
                ByMunicipality, new Baseline(0, Start, "Programme start."), Targets(150_000, 600_000, 1_100_000, 1_350_000), "GEL", false),
            new("R3.3", T("Social services institutionalised with municipal funding",
                    "მუნიციპალური დაფინანსებით ინსტიტუციონალიზებული სოციალური სერვისები",
                    "Bələdiyyə maliyyəsi ilə institusionallaşdırılmış sosial xidmətlər",
                    "Համայնքային ֆինանսավորմամբ ինստիտուցիոնալացված սոցիալական ծառայություններ"),
                "Co-created social services a municipality decided to fund from its own budget (SocialServiceLaunched).",
                IndicatorMeasure.Count, Aggregation.Cumulative, new CountOf(FactKinds.SocialService),
                ByMunicipality, new Baseline(0, Start, "No co-created service funded before the programme."), Targets(0, 3, 6, 8), "services", false),
            new("R3.4", T("People reached by awareness campaigns", "ცნობიერების ამაღლების კამპანიებით მოცული ადამიანები",
                    "Maarifləndirmə kampaniyalarının əhatə etdiyi insanlar", "Իրազեկման արշավներով ընդգրկված մարդիկ"),
                "Reach measured by the outputs of closed campaigns (CampaignClosed), by municipality.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new SumOf(FactKinds.Campaign, Measures.Reach),
                ByMunicipality, new Baseline(0, Start, "Programme start."), Targets(20_000, 60_000, 100_000, 120_000), "people", false),
            new("R3.5", T("People served by institutionalised social services in their pilot",
                    "ინსტიტუციონალიზებული სოციალური სერვისების საპილოტე ეტაპზე მომსახურებული ადამიანები",
                    "İnstitusionallaşdırılmış sosial xidmətlərin pilot mərhələsində xidmət göstərilən insanlar",
                    "Ինստիտուցիոնալացված սոցիալական ծառայությունների փորձնական փուլում սպասարկված մարդիկ"),
                "People served in the pilot of each social service a municipality institutionalised.",
                IndicatorMeasure.Count, Aggregation.Cumulative, new SumOf(FactKinds.SocialService, Measures.PeopleServed),
                ByPerson, new Baseline(0, Start, "Programme start."), Targets(0, 150, 300, 400), "people", true),
        ]),
    ];

    public static IEnumerable<Indicator> Indicators => Results.SelectMany(r => r.Indicators);

    public static Indicator? Find(string code) => Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
