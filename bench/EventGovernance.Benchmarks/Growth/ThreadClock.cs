using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EventGovernance.Benchmarks.Growth;

/// <summary>
/// The measuring thread's own CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike wall time it does not count
/// the time other processes on a shared machine take the CPU away, so ratios between sizes stay dependable.
/// Elsewhere (or if the call fails) it falls back to wall time, and <see cref="Description"/> says so.
/// </summary>
internal static class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3; // <linux/time.h>

    public static bool IsThreadCpuTime { get; } = Probe();

    public static string Description => IsThreadCpuTime
        ? "thread CPU time (CLOCK_THREAD_CPUTIME_ID)"
        : "wall time (Stopwatch; thread CPU time is only read on 64-bit Linux), distorted by other load on the machine";

    /// <summary>Nanoseconds on the chosen clock; only differences mean anything.</summary>
    public static long Now()
    {
        if (IsThreadCpuTime && ClockGetTime(ClockThreadCpuTimeId, out Timespec t) == 0)
            return t.Seconds * 1_000_000_000L + t.Nanoseconds;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool Probe()
    {
        // The Timespec layout below (two 64-bit fields) is that of 64-bit Linux.
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess) return false;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out Timespec value);
}
