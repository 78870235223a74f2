using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Media.Outputs;

/// <summary>
/// A training of an outlet's journalists, kept as a count: who the journalists are stays with the outlet and the
/// trainer, so no personal data enters this service.
/// </summary>
public sealed class JournalistTraining
{
    public const int MaxTopicLength = 300;

    private JournalistTraining() { }

    public Guid Id { get; private set; }

    public Guid OutletId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; } = "";

    public int JournalistsTrained { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static JournalistTraining Record(OrganizationReplica? outlet, Guid? outletId, DateOnly? heldOn, string? topic, int? journalistsTrained, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Engagement.CheckOutlet(outlet, outletId, errors);
        if (heldOn is null || heldOn > today)
        {
            errors.Add("heldOn", "Required: the day of the training, not in the future.");
        }

        errors.Required(topic, "topic", MaxTopicLength);
        if (journalistsTrained is null or < 1 or > 10_000)
        {
            errors.Add("journalistsTrained", "Required: from 1 to 10000.");
        }

        errors.ThrowIfAny();
        return new JournalistTraining
        {
            Id = Guid.CreateVersion7(now),
            OutletId = outlet!.Id,
            HeldOn = heldOn!.Value,
            Topic = topic!.Trim(),
            JournalistsTrained = journalistsTrained!.Value,
            RecordedAt = now,
        };
    }
}

/// <summary>A partnership of the consortium with a media outlet (co-production, regular airtime, joint coverage).</summary>
public sealed class MediaPartnership
{
    public const int MaxScopeLength = 1000;

    private MediaPartnership() { }

    public Guid Id { get; private set; }

    public Guid OutletId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public string Scope { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static MediaPartnership Record(OrganizationReplica? outlet, Guid? outletId, DateOnly? startsOn, DateOnly? endsOn, string? scope, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Engagement.CheckOutlet(outlet, outletId, errors);
        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }
        else if (endsOn is not null && endsOn < startsOn)
        {
            errors.Add("endsOn", "On or after the first day.");
        }

        errors.Required(scope, "scope", MaxScopeLength);
        errors.ThrowIfAny();
        return new MediaPartnership
        {
            Id = Guid.CreateVersion7(now),
            OutletId = outlet!.Id,
            StartsOn = startsOn!.Value,
            EndsOn = endsOn,
            Scope = scope!.Trim(),
            RecordedAt = now,
        };
    }
}

internal static class Engagement
{
    public static void CheckOutlet(OrganizationReplica? outlet, Guid? outletId, ValidationErrors errors)
    {
        if (outletId is null)
        {
            errors.Add("outletId", "Required: a media outlet from the registry.");
        }
        else if (outlet is null || outlet.Id != outletId)
        {
            errors.Add("outletId", "No such organisation in the registry.");
        }
        else if (outlet.Type != OrganizationType.MediaOutlet)
        {
            errors.Add("outletId", $"Not a media outlet: the registry has it as {outlet.Type}.");
        }
    }
}
