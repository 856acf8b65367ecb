using System.ComponentModel.DataAnnotations;

namespace CcapBot.Features.Access;

/// <summary>
/// Clean Air Asia coordinators by configuration. An entry is a Teams aadObjectId, a channel user id (a Teams
/// <c>29:…</c> id or a web chat <c>dl_…</c> id), or an email. More can be granted at run time by a coordinator.
/// </summary>
/// <remarks>
/// An email entry only matches an email the bot has verified; channels do not send one with each activity, and an
/// email a person types (registration, profile) is never trusted for the role. Until a verified source exists
/// (e.g. the Teams member API), configure coordinators by aadObjectId or channel user id.
/// </remarks>
public sealed class CoordinatorOptions
{
    public const string SectionName = "Coordinators";

    public IList<string> Identities { get; set; } = [];

    /// <summary>
    /// Development only: the web chat page offers to act as this coordinator identity (clearly labelled).
    /// Ignored outside Development.
    /// </summary>
    [RegularExpression("^dl_[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        ErrorMessage = "Coordinators:DemoIdentity must be a web chat user id: \"dl_\" followed by a GUID, e.g. dl_00000000-0000-4000-8000-000000000c00.")]
    public string? DemoIdentity { get; set; }
}
