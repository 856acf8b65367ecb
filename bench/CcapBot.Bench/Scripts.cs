namespace CcapBot.Bench;

/// <summary>
/// What one simulated user types, start to finish: a whole form, answered in chat. "{n}" in a turn stands for the
/// user's own number, so every user registers a city of its own (a second "Bench City" would be refused as a duplicate);
/// "{country}" for one of ten CCAP countries, taken in turn, as the programme's cities are spread over them.
/// </summary>
internal sealed record Script(string Name, IReadOnlyList<string> Turns, string CompletedWhenReplyContains)
{
    /// <summary>
    /// The city registration form as a new focal person fills it in chat (country, city, region, zone, population,
    /// agency, name, title, email, phone, alternate contact, languages, role, air-quality capacity, consent,
    /// confirm): every turn goes through the dialog engine, field parsing and a state write, the city turn through
    /// duplicate detection, and the last one stores the registration and queues the review cards.
    /// </summary>
    public static Script Registration { get; } = new("registration form",
        ["register", "{country}", "Bench City {n}", "skip", "Asia/Ho_Chi_Minh", "skip", "Department of Environment", "Lan Pham",
         "Head of Air Quality", "lan.{n}@example.org", "skip", "skip", "English", "Learning city", "skip", "yes", "yes"],
        "was sent to the CCAP coordinators");

    /// <summary>The profile form (name, email, language, zone, working hours, away-until, confirm), a shorter script.</summary>
    public static Script ProfileForm { get; } = new("profile form",
        ["profile", "Lan Pham", "lan@example.org", "English", "bangkok", "8am", "4:30pm", "skip", "yes"],
        "Your profile is saved");

    public static Script Default => Registration;

    public static Script Named(string name) => name switch
    {
        "registration" => Registration,
        "profile" => ProfileForm,
        _ => throw new ArgumentException($"Unknown script {name}: registration or profile."),
    };

    private static readonly string[] Countries =
        ["Viet Nam", "Thailand", "Indonesia", "Philippines", "Malaysia", "Cambodia", "Japan", "India", "Nepal", "Mongolia"];

    public string Turn(int index, string user, int number) => Turns[index]
        .Replace("{n}", user, StringComparison.Ordinal)
        .Replace("{country}", Countries[Math.Abs(number) % Countries.Length], StringComparison.Ordinal);
}
