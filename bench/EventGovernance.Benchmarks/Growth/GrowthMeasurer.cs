using System.Diagnostics;

namespace EventGovernance.Benchmarks.Growth;

/// <summary>One size's figures: per call, from the best batch.</summary>
internal sealed record Measurement(double Nanoseconds, double AllocatedBytes, int Batches, int CallsPerBatch);

/// <summary>
/// Measures one call: warm-up, then a few bounded batches; the best batch's per-call time and allocations win
/// (the least disturbed by anything else). Time is <see cref="ThreadClock"/>'s, allocations are this thread's
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). With non-concurrent GC (the project's runtimeconfig)
/// every collection runs on the allocating thread, so its cost is inside the measured CPU time.
/// </summary>
internal static class GrowthMeasurer
{
    /// <summary>A call this slow (wall time) is measured once: the run must stay within minutes.</summary>
    private static readonly TimeSpan RunOnceAbove = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.3);
    private static readonly TimeSpan BatchLength = TimeSpan.FromSeconds(0.15);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TieringWait = TimeSpan.FromMilliseconds(250);
    private const int TieringCalls = 60;
    private const int MaxWarmUpCalls = 1000;

    /// <summary>Keeps every result reachable so no call is optimised away.</summary>
    private static object? _sink;

    public static Measurement Measure(Func<object?> call)
    {
        Collect();
        var wall = Stopwatch.StartNew();
        (double firstTime, double firstBytes) = Batch(call, 1);
        if (wall.Elapsed > RunOnceAbove) return new Measurement(firstTime, firstBytes, 1, 1);

        // Warm-up on the thread's own clock, so a busy machine does not shorten it: enough calls for tiered
        // compilation to count them (30) and swap in optimised code, which is compiled on a background thread.
        int warmUpCalls = 1;
        long warmUpStart = ThreadClock.Now();
        while (warmUpCalls < 3 || (Elapsed(warmUpStart) < WarmUp && warmUpCalls < MaxWarmUpCalls)
               || (warmUpCalls < TieringCalls && Elapsed(warmUpStart) < MaxWarmUp))
        {
            _sink = call();
            warmUpCalls++;
        }
        double perCall = Elapsed(warmUpStart).TotalMilliseconds / (warmUpCalls - 1);
        Thread.Sleep(TieringWait);
        _sink = call();
        int calls = Math.Max(1, (int)Math.Ceiling(BatchLength.TotalMilliseconds / perCall));
        int batches = perCall > 500 ? 3 : 5;

        double bestTime = double.MaxValue, bestBytes = double.MaxValue;
        for (int b = 0; b < batches; b++)
        {
            Collect();
            (double time, double bytes) = Batch(call, calls);
            bestTime = Math.Min(bestTime, time);
            bestBytes = Math.Min(bestBytes, bytes);
        }
        return new Measurement(bestTime, bestBytes, batches, calls);
    }

    private static TimeSpan Elapsed(long since) => TimeSpan.FromTicks((ThreadClock.Now() - since) / 100);

    private static (double Nanoseconds, double Bytes) Batch(Func<object?> call, int calls)
    {
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        long time0 = ThreadClock.Now();
        for (int i = 0; i < calls; i++) _sink = call();
        long time1 = ThreadClock.Now();
        long bytes1 = GC.GetAllocatedBytesForCurrentThread();
        _sink = null;
        return ((time1 - time0) / (double)calls, (bytes1 - bytes0) / (double)calls);
    }

    /// <summary>Every batch starts from a collected heap, outside the measurement, so no batch pays for another's garbage.</summary>
    private static void Collect()
    {
        _sink = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
