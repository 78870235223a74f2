using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.EndToEndTests;

/// <summary>
/// A first start on empty servers (the fixture's throwaway data directory) logs no error in any service: the
/// dashboard of a newcomer shows nothing red before anyone has called anything.
/// </summary>
public sealed class CleanStartTests(PlatformFixture platform)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_first_start_logs_no_error_in_any_service_or_the_gateway()
    {
        var logs = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        var model = platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var errors = new List<string>();
        foreach (var name in Services.All.Append("gateway"))
        {
            // By the model's resource: the orchestrator runs it under a name of its own (identity-abcdefgh).
            var lines = await StartupLogAsync(logs, model.Resources.Single(r => r.Name == name));
            // The console formatter writes "fail:" (Error) and "crit:" (Critical) before the category of an entry.
            errors.AddRange(lines.Where(l => l.Contains("fail: ", StringComparison.Ordinal) || l.Contains("crit: ", StringComparison.Ordinal))
                .Select(l => $"{name}: {l}"));
        }

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    /// <summary>The resource's console log from its start until the host reports "Application started".</summary>
    private static async Task<List<string>> StartupLogAsync(ResourceLoggerService logs, IResource resource)
    {
        var lines = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
                if (lines.Any(l => l.Contains("Application started", StringComparison.Ordinal)))
                {
                    return lines;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
        }

        Assert.Fail($"{resource.Name} did not log \"Application started\" within {ReadTimeout.TotalSeconds} s; its log:\n{string.Join('\n', lines)}");
        return lines;
    }
}
