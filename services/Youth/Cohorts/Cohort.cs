using Platform.Contracts.ReferenceData;
using Platform.Youth.People;

namespace Platform.Youth.Cohorts;

public enum CohortStatus
{
    /// <summary>Taking applications.</summary>
    Open,

    /// <summary>Intake closed; the Youth team selects.</summary>
    Selecting,

    /// <summary>Internships under way (the team may still fill free places from the waiting list).</summary>
    Running,

    Completed,
}

/// <summary>
/// One intake of the Young Professionals Program: a number of places for young people of an age range from some
/// of the programme's municipalities. It counts its accepted candidates itself, so it alone decides whether a place
/// is free; the API locks its row while it decides.
/// </summary>
public sealed class Cohort
{
    public const int MaxNameLength = 200;

    private Cohort() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly IntakeOpensOn { get; private set; }

    public DateOnly IntakeClosesOn { get; private set; }

    /// <summary>The day the programme starts: applicants' ages are taken on this day; no internship starts before it.</summary>
    public DateOnly StartsOn { get; private set; }

    public int Places { get; private set; }

    public List<string> EligibleMunicipalities { get; private set; } = [];

    public int MinAge { get; private set; }

    public int MaxAge { get; private set; }

    public CohortStatus Status { get; private set; }

    /// <summary>Accepted candidates; never more than <see cref="Places"/>.</summary>
    public int Accepted { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int FreePlaces => Places - Accepted;

    public static Cohort Open(
        string? name, DateOnly? intakeOpensOn, DateOnly? intakeClosesOn, DateOnly? startsOn, int? places,
        IReadOnlyList<string?>? eligibleMunicipalities, int? minAge, int? maxAge, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(name, "name", MaxNameLength);
        if (intakeOpensOn is null)
        {
            errors.Add("intakeOpensOn", "Required.");
        }

        if (intakeClosesOn is null)
        {
            errors.Add("intakeClosesOn", "Required.");
        }
        else if (intakeOpensOn is not null && intakeClosesOn < intakeOpensOn)
        {
            errors.Add("intakeClosesOn", "The intake cannot close before it opens.");
        }

        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }
        else if (intakeClosesOn is not null && startsOn < intakeClosesOn)
        {
            errors.Add("startsOn", "The cohort starts after its intake closes.");
        }

        if (places is null or < 1 or > 1000)
        {
            errors.Add("places", "Between 1 and 1000 places.");
        }

        if (eligibleMunicipalities is null || eligibleMunicipalities.Count == 0)
        {
            errors.Add("eligibleMunicipalities", "At least one programme municipality.");
        }
        else if (eligibleMunicipalities.Count > Contracts.ReferenceData.Municipality.All.Count)
        {
            errors.Add("eligibleMunicipalities", $"At most the programme's {Contracts.ReferenceData.Municipality.All.Count} municipalities.");
        }
        else
        {
            for (var i = 0; i < eligibleMunicipalities.Count; i++)
            {
                if (!Contracts.ReferenceData.Municipality.IsKnown(eligibleMunicipalities[i]))
                {
                    errors.Add($"eligibleMunicipalities[{i}]", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
                }
            }
        }

        if (minAge is null or < 14 or > 99)
        {
            errors.Add("minAge", "An age between 14 and 99.");
        }

        if (maxAge is null or < 14 or > 99)
        {
            errors.Add("maxAge", "An age between 14 and 99.");
        }
        else if (minAge is not null && maxAge < minAge)
        {
            errors.Add("maxAge", "At least the minimum age.");
        }

        errors.ThrowIfAny();
        return new Cohort
        {
            Id = Guid.CreateVersion7(now),
            Name = name!.Trim(),
            IntakeOpensOn = intakeOpensOn!.Value,
            IntakeClosesOn = intakeClosesOn!.Value,
            StartsOn = startsOn!.Value,
            Places = places!.Value,
            EligibleMunicipalities = [.. eligibleMunicipalities!.Select(m => m!).Distinct().Order(StringComparer.Ordinal)],
            MinAge = minAge!.Value,
            MaxAge = maxAge!.Value,
            Status = CohortStatus.Open,
            CreatedAt = now,
        };
    }

    /// <summary>Why a person may not apply to this cohort (age on the start day, home municipality); empty if they may.</summary>
    public IReadOnlyList<string> IneligibilityOf(Person person)
    {
        var reasons = new List<string>();
        var age = person.AgeOn(StartsOn);
        if (age < MinAge || age > MaxAge)
        {
            reasons.Add($"Aged {age} on {StartsOn:yyyy-MM-dd}, the cohort's start; it takes ages {MinAge} to {MaxAge}.");
        }

        if (!EligibleMunicipalities.Contains(person.Municipality, StringComparer.Ordinal))
        {
            reasons.Add($"{person.Municipality} is not among the cohort's municipalities ({string.Join(", ", EligibleMunicipalities)}).");
        }

        return reasons;
    }

    /// <summary>A person applies: only while the cohort is open, only if eligible (400 naming <c>personId</c>).</summary>
    public Application Apply(Person person, DateTimeOffset now)
    {
        if (Status != CohortStatus.Open)
        {
            throw new RuleViolationException("cohort-not-open", $"The cohort is {Status}: it takes applications only while Open.");
        }

        if (person.IsErased)
        {
            throw new InvalidOperationException("An erased person cannot apply.");
        }

        if (IneligibilityOf(person) is { Count: > 0 } reasons)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["personId"] = [.. reasons] });
        }

        return Application.Submitted(this, person, now);
    }

    public void StartSelection() => Move(CohortStatus.Open, CohortStatus.Selecting);

    /// <summary>Internships may start once the cohort runs, which is not before its start day.</summary>
    public void Start(DateOnly today)
    {
        if (Status == CohortStatus.Selecting && today < StartsOn)
        {
            throw new RuleViolationException("cohort-not-started", $"The cohort starts on {StartsOn:yyyy-MM-dd}; it cannot run before.");
        }

        Move(CohortStatus.Selecting, CohortStatus.Running);
    }

    public void Complete() => Move(CohortStatus.Running, CohortStatus.Completed);

    /// <summary>
    /// The Youth team's decision on an application, with a score (0-100) and a reason. Acceptance takes a place and
    /// is refused when none is free; the waiting list is for the submitted; an accepted candidate stays accepted.
    /// </summary>
    public void Decide(Application application, ApplicationStatus decision, decimal? score, string? reason, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (decision is not (ApplicationStatus.Accepted or ApplicationStatus.WaitingList or ApplicationStatus.Rejected))
        {
            errors.Add("decision", "Accepted, WaitingList or Rejected.");
        }

        if (score is null or < 0 or > 100)
        {
            errors.Add("score", "A score from 0 to 100.");
        }

        errors.Required(reason, "reason", Application.MaxReasonLength);
        errors.ThrowIfAny();
        if (application.CohortId != Id)
        {
            throw new InvalidOperationException("The application belongs to another cohort.");
        }

        if (Status is not (CohortStatus.Selecting or CohortStatus.Running))
        {
            throw new RuleViolationException("cohort-not-selecting", $"The cohort is {Status}: selection happens while it is Selecting or Running.");
        }

        var allowed = (application.Status, decision) switch
        {
            (ApplicationStatus.Submitted, _) => true,
            (ApplicationStatus.WaitingList, ApplicationStatus.Accepted or ApplicationStatus.Rejected) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new RuleViolationException("decision-not-allowed", $"An application that is {application.Status} cannot become {decision}.");
        }

        if (decision == ApplicationStatus.Accepted)
        {
            if (Accepted >= Places)
            {
                throw new RuleViolationException("places-taken", $"All {Places} places of the cohort are taken; put the candidate on the waiting list.");
            }

            Accepted++;
        }

        application.Decided(decision, score!.Value, reason!.Trim(), now);
    }

    private void Move(CohortStatus from, CohortStatus to)
    {
        if (Status != from)
        {
            throw new RuleViolationException("cohort-status", $"The cohort is {Status}; only a cohort that is {from} can become {to}.");
        }

        Status = to;
    }
}
