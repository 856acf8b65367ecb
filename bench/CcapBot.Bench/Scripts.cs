namespace CcapBot.Bench;

/// <summary>What one simulated user types, start to finish: a whole form, answered in chat.</summary>
internal sealed record Script(string Name, IReadOnlyList<string> Turns, string CompletedWhenReplyContains)
{
    /// <summary>
    /// The profile form (name, email, language, time zone, working hours, away-until, confirm): every turn goes
    /// through the dialog engine, field parsing and a state write. The registration form replaces it as the
    /// default once it exists; the harness does not change.
    /// </summary>
    public static Script ProfileForm { get; } = new("profile form",
        ["profile", "Lan Pham", "lan@example.org", "English", "bangkok", "8am", "4:30pm", "skip", "yes"],
        "Your profile is saved");

    public static Script Default => ProfileForm;
}
