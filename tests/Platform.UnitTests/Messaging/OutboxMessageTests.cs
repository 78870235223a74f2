using System.Diagnostics;
using System.Text.Json;
using Platform.ServiceDefaults.Messaging;

namespace Platform.UnitTests.Messaging;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    private static OrganizationRegistered Registered() => new(
        Guid.CreateVersion7(),
        new Dictionary<string, string> { ["en"] = "Dmanisi Farmers' Association" },
        OrganizationType.LocalSelfGovernment,
        Municipality.Dmanisi,
        1) { OccurredAt = Now.AddSeconds(-3) };

    [Fact]
    public void For_captures_the_event_id_type_time_and_payload()
    {
        var registered = Registered();

        var message = OutboxMessage.For(registered, Now);

        Assert.Equal(registered.EventId, message.Id);
        Assert.Equal("Platform.Contracts.Capacity.OrganizationRegistered", message.MessageType);
        Assert.Equal(registered.OccurredAt, message.OccurredAt);
        Assert.Equal(Now, message.CreatedAt);
        Assert.Equal(Now, message.NextAttemptAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.SentAt);
        Assert.Null(message.LastError);

        using var payload = JsonDocument.Parse(message.Payload);
        var root = payload.RootElement;
        Assert.Equal(registered.OrganizationId, root.GetProperty("organizationId").GetGuid());
        Assert.Equal(registered.EventId, root.GetProperty("eventId").GetGuid());
        Assert.Equal("LocalSelfGovernment", root.GetProperty("type").GetString());
        Assert.Equal(Municipality.Dmanisi, root.GetProperty("municipality").GetString());
        Assert.Equal("Dmanisi Farmers' Association", root.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
    }

    [Fact]
    public void For_records_the_trace_of_the_current_activity()
    {
        using var source = new ActivitySource("Platform.UnitTests.Outbox." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = source.StartActivity("register organisation");
        Assert.NotNull(activity);
        activity.TraceStateString = "platform=1";

        var message = OutboxMessage.For(Registered(), Now);

        Assert.Equal(activity.Id, message.TraceParent);
        Assert.NotNull(message.TraceParent);
        Assert.Contains(activity.TraceId.ToHexString(), message.TraceParent, StringComparison.Ordinal);
        Assert.StartsWith("00-", message.TraceParent, StringComparison.Ordinal);
        Assert.Equal("platform=1", message.TraceState);
    }

    [Fact]
    public void For_without_an_activity_records_no_trace()
    {
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            var message = OutboxMessage.For(Registered(), Now);

            Assert.Null(message.TraceParent);
            Assert.Null(message.TraceState);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [Fact]
    public void Failures_are_retried_after_1_2_4_seconds_and_so_on_up_to_the_maximum()
    {
        var message = OutboxMessage.For(Registered(), Now);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var failedAt = Now.AddMinutes(attempt);
            message.MarkFailed($"broker unreachable ({attempt})", failedAt);
            Assert.Equal(attempt, message.Attempts);
            waits.Add(message.NextAttemptAt - failedAt);
        }

        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60],
            waits.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxMessage.MaxBackoff);
        Assert.Equal("broker unreachable (12)", message.LastError);
        Assert.Null(message.SentAt);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(100, 60)]
    [InlineData(int.MaxValue, 60)]
    public void The_backoff_never_exceeds_the_maximum(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxMessage.BackoffAfter(attempts));
    }

    [Fact]
    public void A_long_error_is_truncated_to_2000_characters()
    {
        var message = OutboxMessage.For(Registered(), Now);
        var error = string.Concat(Enumerable.Repeat("0123456789", 500));

        message.MarkFailed(error, Now);

        Assert.Equal(error[..2000], message.LastError);
    }

    [Fact]
    public void An_error_of_exactly_2000_characters_is_kept_whole()
    {
        var message = OutboxMessage.For(Registered(), Now);
        var error = new string('e', 2000);

        message.MarkFailed(error, Now);

        Assert.Equal(error, message.LastError);
    }

    [Fact]
    public void MarkSent_records_the_time_counts_the_attempt_and_clears_the_error()
    {
        var message = OutboxMessage.For(Registered(), Now);
        message.MarkFailed("connection refused", Now);

        message.MarkSent(Now.AddSeconds(2));

        Assert.Equal(Now.AddSeconds(2), message.SentAt);
        Assert.Null(message.LastError);
        Assert.Equal(2, message.Attempts);
    }
}
