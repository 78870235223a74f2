namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// Builds and starts one host at a time. WebApplicationFactory finds its application's host by listening to the
/// process-wide "Microsoft.Extensions.Hosting" diagnostic events, so a host built at the same moment by another
/// test class could be mistaken for it.
/// </summary>
public static class HostStartGate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<T> RunAsync<T>(Func<Task<T>> start)
    {
        await Gate.WaitAsync();
        try
        {
            return await start();
        }
        finally
        {
            Gate.Release();
        }
    }
}
