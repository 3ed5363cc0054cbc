namespace EventGovernance.Benchmarks.Growth;

/// <summary>
/// For <c>--cold-cache</c>: writes over a buffer twice the size of the last-level cache before each measured call,
/// so every size starts with its inputs out of the CPU cache. Repeating a call on a small input otherwise finds
/// the whole input still cached from the previous call, while a large one cannot: the ratio then shows the cache,
/// not the algorithm.
/// </summary>
internal static class CacheSweeper
{
    private const int LineSize = 64;
    private static byte[]? _buffer;

    public static void Sweep()
    {
        byte[] buffer = _buffer ??= new byte[2 * LastLevelCacheBytes()];
        for (int i = 0; i < buffer.Length; i += LineSize) buffer[i]++;
    }

    /// <summary>The L3 size Linux reports (e.g. "32768K"), else 32 MB.</summary>
    private static int LastLevelCacheBytes()
    {
        const string file = "/sys/devices/system/cpu/cpu0/cache/index3/size";
        try
        {
            string text = File.Exists(file) ? File.ReadAllText(file).Trim() : "";
            if (text.EndsWith('K') && int.TryParse(text[..^1], out int kb)) return kb * 1024;
            if (text.EndsWith('M') && int.TryParse(text[..^1], out int mb)) return mb * 1024 * 1024;
        }
        catch (IOException)
        {
        }
        return 32 * 1024 * 1024;
    }
}
