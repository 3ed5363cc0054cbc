using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace EventGovernance.Benchmarks.Growth;

/// <summary>
/// <c>--growth [filter...]</c>: measures each operation of <see cref="GrowthCatalog"/> at each size and prints one
/// markdown table of growth ratios between consecutive sizes against the target (1.2 x the input's growth: x12 for
/// 10x, x6 for 5x). <c>--cold-cache</c> sweeps the CPU cache before each measured call. Filters match operation names (case-insensitive substrings); none means every operation.
/// Progress goes to stderr, the table to stdout.
/// </summary>
internal static class GrowthMode
{
    private const double AllowedGrowthOverInput = 1.2;

    /// <summary>Every measured call starts with the CPU cache swept (see <see cref="CacheSweeper"/>).</summary>
    public const string ColdCacheOption = "--cold-cache";

    public static int Run(string[] arguments)
    {
        bool coldCache = arguments.Contains(ColdCacheOption);
        string[] filters = arguments.Where(a => a != ColdCacheOption).ToArray();
        List<GrowthOperation> operations = GrowthCatalog.All
            .Where(o => filters.Length == 0 || filters.Any(f => o.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (operations.Count == 0)
        {
            Console.Error.WriteLine($"no growth operation matches '{string.Join(" ", filters)}'; operations: {string.Join(", ", GrowthCatalog.All.Select(o => o.Name))}");
            return 2;
        }

        var rows = new List<string>();
        int misses = 0;
        foreach (GrowthOperation operation in operations)
        {
            var measured = new List<(int Size, long Input, Measurement M)>();
            foreach (int size in operation.Sizes)
            {
                PreparedCall prepared = operation.Prepare(size);
                Measurement m = GrowthMeasurer.Measure(prepared.Call, coldCache);
                Console.Error.WriteLine($"{operation.Name}, {size:N0} {operation.Unit}: {Time(m.Nanoseconds)}, {Bytes(m.AllocatedBytes)} ({m.Batches} x {m.CallsPerBatch} calls; collections per call gen0/1/2 {string.Join("/", m.Collections.Select(c => c.ToString("0.##", CultureInfo.InvariantCulture)))})");
                measured.Add((size, prepared.InputCharacters, m));
            }
            for (int i = 1; i < measured.Count; i++)
            {
                var (small, large) = (measured[i - 1], measured[i]);
                double sizeGrowth = (double)large.Size / small.Size;
                double inputGrowth = (double)large.Input / small.Input;
                double target = AllowedGrowthOverInput * (operation.TargetByInputText ? inputGrowth : sizeGrowth);
                double timeGrowth = large.M.Nanoseconds / small.M.Nanoseconds;
                double bytesGrowth = large.M.AllocatedBytes / small.M.AllocatedBytes;
                string verdict = Verdict(timeGrowth, bytesGrowth, target);
                if (verdict != "PASS") misses++;
                rows.Add($"| {operation.Name}, {small.Size:N0} → {large.Size:N0} {operation.Unit} | ×{Ratio(inputGrowth)} "
                    + $"| {Time(small.M.Nanoseconds)}, {Bytes(small.M.AllocatedBytes)} | {Time(large.M.Nanoseconds)}, {Bytes(large.M.AllocatedBytes)} "
                    + $"| ×{Ratio(timeGrowth)} | ×{Ratio(bytesGrowth)} | ×{Ratio(target)} | {verdict} |");
            }
        }

        Console.WriteLine(Header(coldCache));
        Console.WriteLine();
        Console.WriteLine("| Operation | Input text growth | Small (time, allocated) | Large (time, allocated) | Time growth | Allocation growth | Target | Result |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (string row in rows) Console.WriteLine(row);
        Console.WriteLine();
        Console.WriteLine($"{rows.Count - misses} of {rows.Count} within target.");
        return 0;
    }

    private static string Verdict(double time, double bytes, double target)
    {
        var missed = new List<string>();
        if (time > target) missed.Add("time");
        if (bytes > target) missed.Add("allocations");
        return missed.Count == 0 ? "PASS" : "MISS (" + string.Join(", ", missed) + ")";
    }

    private static string Header(bool coldCache)
    {
        var text = new StringBuilder();
        text.Append("Per call, best batch").Append(coldCache ? ", CPU cache swept before each call" : ", repeated calls (a small input stays in the CPU cache)")
            .Append("; time: ").Append(ThreadClock.Description)
            .Append("; allocations: GC.GetAllocatedBytesForCurrentThread. GC: ")
            .Append(GCSettings.IsServerGC ? "server" : "workstation").Append(", ")
            .Append(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent (collections partly on another thread)")
            .Append(". JIT: ").Append(TieredCompilationOff()
                ? "tiered compilation off (optimised from the first call, but the framework's precompiled code is never re-optimised)"
                : "tiered compilation on, as in production (warm-up reaches the optimised code)")
            .Append(". ").Append(RuntimeInformation.FrameworkDescription).Append(", ").Append(RuntimeInformation.OSDescription)
            .Append(", ").Append(Environment.ProcessorCount).Append(" cores");
        string load = LoadAverage();
        if (load.Length > 0) text.Append(", load average ").Append(load).Append(" at the end");
        return text.Append('.').ToString();
    }

    private static bool TieredCompilationOff() =>
        Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") == "0" || Environment.GetEnvironmentVariable("COMPlus_TieredCompilation") == "0";

    private static string LoadAverage()
    {
        try
        {
            string[] parts = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : Array.Empty<string>();
            return parts.Length >= 3 ? string.Join(" ", parts.Take(3)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Ratio(double r) => r.ToString(r >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);

    private static string Time(double ns) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (ns / 1e6).ToString(ns >= 1e8 ? "0" : ns >= 1e7 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (ns / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
    };

    private static string Bytes(double b) => b switch
    {
        >= 1024 * 1024 => (b / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (b / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
    };
}
