using System.Diagnostics;

namespace EventGovernance.Benchmarks.Growth;

/// <summary>One size's figures: per call, from the best batch.</summary>
/// <param name="Collections">Collections of generations 0, 1 and 2 per call in the best batch: where time grows faster than allocations, often the cause.</param>
internal sealed record Measurement(double Nanoseconds, double AllocatedBytes, int Batches, int CallsPerBatch, double[] Collections);

/// <summary>
/// Measures one call: warm-up, then a few bounded batches; the best batch's per-call time and allocations win
/// (the least disturbed by anything else). Time is <see cref="ThreadClock"/>'s, allocations are this thread's
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). With non-concurrent GC (the project's runtimeconfig)
/// every collection runs on the allocating thread, so its cost is inside the measured CPU time. Each batch starts
/// from a collected heap, so a batch that allocates less than the gen-0 budget (large on some machines) may see no
/// collection at all: <see cref="Measurement.Collections"/> says how many the best batch had.
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

    /// <summary>Cold-cache batches are kept short: each call is preceded by a sweep of tens of megabytes.</summary>
    private const int MaxColdCallsPerBatch = 10;

    /// <param name="coldCache">Sweep the CPU cache before every measured call (<see cref="CacheSweeper"/>).</param>
    public static Measurement Measure(Func<object?> call, bool coldCache)
    {
        Collect();
        var wall = Stopwatch.StartNew();
        BatchResult first = Batch(call, 1, coldCache);
        if (wall.Elapsed > RunOnceAbove) return new Measurement(first.Nanoseconds, first.Bytes, 1, 1, first.Collections);

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
        if (coldCache) calls = Math.Min(calls, MaxColdCallsPerBatch);
        int batches = perCall > 500 ? 3 : 5;

        BatchResult? best = null;
        double bestBytes = double.MaxValue;
        for (int b = 0; b < batches; b++)
        {
            Collect();
            BatchResult result = Batch(call, calls, coldCache);
            if (best == null || result.Nanoseconds < best.Nanoseconds) best = result;
            bestBytes = Math.Min(bestBytes, result.Bytes);
        }
        return new Measurement(best!.Nanoseconds, bestBytes, batches, calls, best.Collections);
    }

    private static TimeSpan Elapsed(long since) => TimeSpan.FromTicks((ThreadClock.Now() - since) / 100);

    private sealed record BatchResult(double Nanoseconds, double Bytes, double[] Collections);

    private static BatchResult Batch(Func<object?> call, int calls, bool coldCache)
    {
        int[] collections0 = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        long bytes0 = GC.GetAllocatedBytesForCurrentThread();
        long time = 0;
        if (coldCache)
        {
            for (int i = 0; i < calls; i++)
            {
                CacheSweeper.Sweep();
                long start = ThreadClock.Now();
                _sink = call();
                time += ThreadClock.Now() - start;
            }
        }
        else
        {
            long start = ThreadClock.Now();
            for (int i = 0; i < calls; i++) _sink = call();
            time = ThreadClock.Now() - start;
        }
        long bytes1 = GC.GetAllocatedBytesForCurrentThread();
        _sink = null;
        // A gen-1 collection also counts as one of gen 0 (and gen 2 as both): report each generation's own.
        int[] total = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections0[g]).ToArray();
        double[] own = { total[0] - total[1], total[1] - total[2], total[2] };
        return new BatchResult(time / (double)calls, (bytes1 - bytes0) / (double)calls, own.Select(c => c / calls).ToArray());
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
