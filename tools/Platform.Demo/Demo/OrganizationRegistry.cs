using Platform.Contracts.ReferenceData;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// The registry (Capacity): CSOs in all eight municipalities, the eight LSG bodies, social-service providers, national
/// host organisations for internships and media outlets. Every name is invented and says "(demo)".
/// </summary>
internal sealed class OrganizationRegistry : IDemoSection
{
    public sealed record Entry(string Key, string English, string Georgian, string Type, string Municipality, string[] Languages);

    private static readonly Dictionary<string, (string English, string Georgian)> Towns = new()
    {
        [Marneuli] = ("Marneuli", "მარნეულის"), [Tetritskaro] = ("Tetritskaro", "თეთრიწყაროს"), [Dmanisi] = ("Dmanisi", "დმანისის"),
        [Gardabani] = ("Gardabani", "გარდაბნის"), [Bolnisi] = ("Bolnisi", "ბოლნისის"), [Tsalka] = ("Tsalka", "წალკის"),
        [Akhaltsikhe] = ("Akhaltsikhe", "ახალციხის"), [Ninotsminda] = ("Ninotsminda", "ნინოწმინდის"),
    };

    public static readonly IReadOnlyList<Entry> Entries =
    [
        .. All.Select(m => new Entry($"lsg-{Towns[m].English.ToLowerInvariant()}", $"{Towns[m].English} Municipality City Hall (demo)",
            $"{Towns[m].Georgian} მუნიციპალიტეტის მერია (დემო)",
            "LocalSelfGovernment", m, m.StartsWith("SJ", StringComparison.Ordinal) ? ["ka", "hy"] : ["ka", "az"])),
        new("cso-algeti", "Algeti Valley Youth Forum (demo)", "ალგეთის ხეობის ახალგაზრდული ფორუმი (დემო)", "Cso", Marneuli, ["ka", "az"]),
        new("cso-crafts", "Marneuli Women's Crafts Circle (demo)", "მარნეულის ქალთა ხელნაკეთობების წრე (დემო)", "Cso", Marneuli, ["az", "ka"]),
        new("cso-tetri", "Tetri Hills Civic Club (demo)", "თეთრი გორების სამოქალაქო კლუბი (დემო)", "Cso", Tetritskaro, ["ka"]),
        new("cso-plateau", "Dmanisi Plateau Farmers' Voice (demo)", "დმანისის ზეგნის ფერმერთა ხმა (დემო)", "Cso", Dmanisi, ["ka", "az"]),
        new("cso-riverside", "Gardabani Riverside Volunteers (demo)", "გარდაბნის სანაპიროს მოხალისეები (დემო)", "Cso", Gardabani, ["ka", "az"]),
        new("cso-debate", "Bolnisi Debate Society (demo)", "ბოლნისის დებატების საზოგადოება (დემო)", "Cso", Bolnisi, ["ka", "az"]),
        new("cso-lakeside", "Tsalka Lakeside Women's Union (demo)", "წალკის ტბისპირა ქალთა კავშირი (დემო)", "Cso", Tsalka, ["ka", "hy"]),
        new("cso-rabati", "Rabati Heritage Youth (demo)", "რაბათის მემკვიდრეობის ახალგაზრდობა (დემო)", "Cso", Akhaltsikhe, ["ka", "hy"]),
        new("cso-highland", "Ninotsminda Highland Parents' Network (demo)", "ნინოწმინდის მთიანეთის მშობელთა ქსელი (დემო)", "Cso", Ninotsminda, ["hy", "ka"]),
        new("ssp-homecare", "Kvemo Kartli Home Care Cooperative (demo)", "ქვემო ქართლის შინ მოვლის კოოპერატივი (დემო)", "SocialServiceProvider", Gardabani, ["ka", "az"]),
        new("ssp-daycentre", "Javakheti Children's Day Centre (demo)", "ჯავახეთის ბავშვთა დღის ცენტრი (დემო)", "SocialServiceProvider", Akhaltsikhe, ["ka", "hy"]),
        new("ssp-physio", "Bolnisi Mobile Physiotherapy (demo)", "ბოლნისის მობილური ფიზიოთერაპია (დემო)", "SocialServiceProvider", Bolnisi, ["ka"]),
        new("nat-training", "National Academy of Municipal Service (demo)", "მუნიციპალური სამსახურის ეროვნული აკადემია (დემო)", "NationalOrganization", Marneuli, ["ka", "en"]),
        new("nat-youth", "National Youth Policy Office (demo)", "ახალგაზრდული პოლიტიკის ეროვნული ოფისი (დემო)", "NationalOrganization", Gardabani, ["ka", "en"]),
        new("nat-social", "Social Services Quality Agency (demo)", "სოციალური მომსახურების ხარისხის სააგენტო (დემო)", "NationalOrganization", Akhaltsikhe, ["ka", "en"]),
        new("media-radio", "Kvemo Kartli Morning Radio (demo)", "ქვემო ქართლის დილის რადიო (დემო)", "MediaOutlet", Marneuli, ["ka", "az"]),
        new("media-weekly", "Javakheti Weekly (demo)", "ჯავახეთის კვირეული (დემო)", "MediaOutlet", Ninotsminda, ["hy", "ka"]),
        new("media-online", "Tsalka Online News (demo)", "წალკის ონლაინ ახალი ამბები (დემო)", "MediaOutlet", Tsalka, ["ka", "hy"]),
    ];

    public string Name => "Organisations (Capacity)";

    public async Task RunAsync(DemoContext demo)
    {
        var registered = await demo.Admin.ListAsync("/api/capacity/organizations");
        foreach (var entry in Entries)
        {
            if (DemoContext.ByEnglish(registered, "name", entry.English) is not { } existing)
            {
                existing = await demo.Admin.PostAsync("/api/capacity/organizations", new
                {
                    name = new Dictionary<string, string> { [Language.English] = entry.English, [Language.Georgian] = entry.Georgian },
                    type = entry.Type,
                    municipality = entry.Municipality,
                    languages = entry.Languages,
                    email = $"info@{entry.Key}.example.org",
                    website = $"https://{entry.Key}.example.org",
                    description = new Dictionary<string, string> { [Language.English] = "Invented for the platform's demo data; not a real organisation." },
                }, $"demo-org-{entry.Key}");
            }

            demo.Organizations[entry.Key] = existing.GetProperty("id").GetGuid();
        }
    }
}
