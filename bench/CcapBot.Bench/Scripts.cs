namespace CcapBot.Bench;

/// <summary>What the simulated users type.</summary>
internal static class Scripts
{
    /// <summary>
    /// A conversation of plain turns through the dialog router. Replaced by the full registration form
    /// once that dialog exists (issue 4); the harness does not change.
    /// </summary>
    public static IReadOnlyList<string> Registration { get; } = ["hi", "what can you do", "hello", "thanks", "ok", "bye"];
}
