using System.Diagnostics;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>Waits for an asynchronous effect by polling with a deadline, never by a fixed sleep.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what = "the condition")
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(20);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }

                last = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                last = ex; // e.g. a table not yet created: keep polling, report it if the deadline passes
            }

            if (clock.Elapsed >= timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}." + (last is null ? "" : $" Last error: {last}"));
            }

            await Task.Delay(pause, TestContext.Current.CancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    /// <summary>Polls for a value until <paramref name="accept"/> takes it; returns that value.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> accept, TimeSpan timeout, string what)
    {
        T value = default!;
        await HoldsAsync(async () => accept(value = await read()), timeout, what);
        return value;
    }
}
