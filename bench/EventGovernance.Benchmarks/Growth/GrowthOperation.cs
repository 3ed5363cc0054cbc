namespace EventGovernance.Benchmarks.Growth;

/// <summary>
/// One operation measured at growing sizes, e.g. "JSON Schema parse" at 1,000 / 10,000 / 50,000 properties.
/// <see cref="Prepare"/> builds the inputs for one size (outside the measurement) and returns the call to measure.
/// </summary>
internal sealed class GrowthOperation
{
    public GrowthOperation(string name, string unit, int[] sizes, Func<int, PreparedCall> prepare, bool targetByInputText = false)
    {
        Name = name;
        Unit = unit;
        Sizes = sizes;
        Prepare = prepare;
        TargetByInputText = targetByInputText;
    }

    public string Name { get; }

    /// <summary>What the size counts: "properties", "fields", "versions".</summary>
    public string Unit { get; }

    /// <summary>Ascending, so the code measured at a larger size was already warmed up at the smaller ones.</summary>
    public int[] Sizes { get; }

    public Func<int, PreparedCall> Prepare { get; }

    /// <summary>
    /// True when the input text does not grow like <see cref="Sizes"/> (a history of N versions whose versions
    /// themselves grow): the target is then 1.2 x the growth of the input text rather than of the size.
    /// </summary>
    public bool TargetByInputText { get; }
}

/// <summary>The call to measure at one size, and how many characters of schema text it reads (for the input growth column).</summary>
internal sealed class PreparedCall
{
    public PreparedCall(Func<object?> call, long inputCharacters)
    {
        Call = call;
        InputCharacters = inputCharacters;
    }

    public Func<object?> Call { get; }
    public long InputCharacters { get; }
}
