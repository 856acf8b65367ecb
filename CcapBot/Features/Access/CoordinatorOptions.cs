namespace CcapBot.Features.Access;

/// <summary>
/// Clean Air Asia coordinators by configuration. An entry is a Teams aadObjectId, an email, or a channel
/// user id (e.g. a web chat <c>dl_…</c> id). More can be granted at run time by a coordinator.
/// </summary>
public sealed class CoordinatorOptions
{
    public const string SectionName = "Coordinators";

    public IList<string> Identities { get; set; } = [];

    /// <summary>
    /// Development only: the web chat page offers to act as this coordinator identity (clearly labelled).
    /// Ignored outside Development.
    /// </summary>
    public string? DemoIdentity { get; set; }
}
