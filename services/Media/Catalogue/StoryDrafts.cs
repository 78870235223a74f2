using System.Globalization;
using Platform.Contracts.Grants;
using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;

namespace Platform.Media.Catalogue;

/// <summary>
/// The first draft of a story, written from an event in the four languages (in the languages the event's own text
/// has, where it carries text). Events carry no personal data, so drafts have none.
/// </summary>
public static class StoryDrafts
{
    private static string Money(decimal amount, string currency) => $"{amount.ToString("#,0.##", CultureInfo.InvariantCulture)} {currency}";

    private static Dictionary<string, string?> Each(Func<string, string> text) =>
        Language.All.ToDictionary(l => l, l => (string?)text(l), StringComparer.Ordinal);

    /// <summary>An event's text in the programme's languages only, non-blank and within a story's lengths; <paramref name="fallback"/> if none is left.</summary>
    private static Dictionary<string, string?> Carried(IReadOnlyDictionary<string, string>? text, int maxLength, Func<Dictionary<string, string?>> fallback)
    {
        var kept = (text ?? new Dictionary<string, string>())
            .Where(t => Language.IsKnown(t.Key) && !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => (string?)(t.Value.Trim().Length > maxLength ? t.Value.Trim()[..maxLength] : t.Value.Trim()), StringComparer.Ordinal);
        return kept.Count > 0 ? kept : fallback();
    }

    public static StoryText GrantAwarded(GrantAwarded e, string? organizationName)
    {
        var money = Money(e.Amount, e.Currency);
        var en = e.TargetGroup == TargetGroup.ProgrammeGraduate ? "a graduate of the Young Professionals Program" : organizationName ?? "a local organisation";
        return new StoryText(
            Each(l => l switch
            {
                "ka" => $"გრანტი გაიცა: {PlaceNames.Of(e.Municipality, l)}",
                "az" => $"Qrant verildi: {PlaceNames.Of(e.Municipality, l)}",
                "hy" => $"Դրամաշնորհ է տրամադրվել՝ {PlaceNames.Of(e.Municipality, l)}",
                _ => $"Grant awarded in {PlaceNames.Of(e.Municipality, l)}",
            }),
            Each(l => l switch
            {
                "ka" => $"{PlaceNames.Of(e.Municipality, l)}: პროგრამის ფარგლებში გაიცა გრანტი {money} ოდენობით.",
                "az" => $"{PlaceNames.Of(e.Municipality, l)}: proqram çərçivəsində {money} məbləğində qrant verildi.",
                "hy" => $"{PlaceNames.Of(e.Municipality, l)}. ծրագրի շրջանակում տրամադրվել է {money} դրամաշնորհ։",
                _ => $"A grant of {money} was awarded to {en} in {PlaceNames.Of(e.Municipality, l)}.",
            }));
    }

    public static StoryText ServiceInstitutionalised(SocialServiceLaunched e)
    {
        var money = Money(e.MunicipalFunding, e.Currency);
        return new StoryText(
            Carried(e.Name, Story.MaxTitleLength, () => Each(l => $"{PlaceNames.Of(e.Municipality, l)}: {e.TargetGroup}")),
            Each(l => l switch
            {
                "ka" => $"{PlaceNames.Of(e.Municipality, l)}: მუნიციპალიტეტმა გადაწყვიტა, {e.BudgetYear} წლის ბიუჯეტიდან დააფინანსოს ერთობლივად შექმნილი სოციალური სერვისი ({money}).",
                "az" => $"{PlaceNames.Of(e.Municipality, l)}: bələdiyyə birgə yaradılmış sosial xidməti {e.BudgetYear}-ci il büdcəsindən maliyyələşdirmək qərarına gəldi ({money}).",
                "hy" => $"{PlaceNames.Of(e.Municipality, l)}. համայնքը որոշել է համատեղ ստեղծված սոցիալական ծառայությունը ֆինանսավորել {e.BudgetYear} թվականի բյուջեից ({money})։",
                _ => $"{PlaceNames.Of(e.Municipality, l)} decided to fund the co-created social service from its {e.BudgetYear} budget ({money}).",
            }));
    }

    public static StoryText RecommendationAdopted(RecommendationAdopted e)
    {
        var title = Carried(e.Title, Story.MaxTitleLength, () => Each(l => l switch
        {
            "ka" => "რეკომენდაცია მიღებულია",
            "az" => "Tövsiyə qəbul edildi",
            "hy" => "Առաջարկությունն ընդունվել է",
            _ => "Recommendation adopted",
        }));
        return new StoryText(title, Carried(e.Summary, Story.MaxBodyLength, () => title));
    }

    public static StoryText CohortGraduated(int graduates) => new(
        Each(l => l switch
        {
            "ka" => $"ახალგაზრდა პროფესიონალთა პროგრამის {graduates} კურსდამთავრებული",
            "az" => $"Gənc Peşəkarlar Proqramının {graduates} məzunu",
            "hy" => $"Երիտասարդ մասնագետների ծրագրի {graduates} շրջանավարտ",
            _ => $"{graduates} Young Professionals graduated",
        }),
        Each(l => l switch
        {
            "ka" => $"{graduates} მონაწილემ დაასრულა ახალგაზრდა პროფესიონალთა პროგრამა და სტაჟირება ეროვნულ მასპინძელ ორგანიზაციებში.",
            "az" => $"{graduates} iştirakçı Gənc Peşəkarlar Proqramını və milli təşkilatlarda təcrübəni başa vurdu.",
            "hy" => $"{graduates} մասնակից ավարտել է Երիտասարդ մասնագետների ծրագիրը և պրակտիկան ազգային ընդունող կազմակերպություններում։",
            _ => $"{graduates} participants completed the Young Professionals Program and their internships with national host organisations.",
        }));
}
