namespace CcapBot.Features.Tracking;

/// <summary>Card verbs of the tracking cards; templates (cards/tracking-*.json) and handlers share them.</summary>
public static class TrackingVerbs
{
    /// <summary>A check-in card's submit; arg "{partnershipId}:{cycle}".</summary>
    public const string CheckInSubmit = "tracking.checkin.submit";
    /// <summary>Remind me later; arg "{days}|{topic}|{idempotency key of the message}".</summary>
    public const string Snooze = "tracking.snooze";
    /// <summary>Show a partnership's activities; arg = partnership id.</summary>
    public const string Open = "tracking.open";
    /// <summary>An answer to a status-update question; arg "{token}|{answer}".</summary>
    public const string Reply = "tracking.reply";
    /// <summary>A city agrees to an extension of the action list; arg "{partnershipId}:{version}".</summary>
    public const string AgreeExtension = "tracking.extension.agree";
    /// <summary>Start the results form (the results command's verb).</summary>
    public const string RecordResults = "tracking.results";
    /// <summary>Start the extension form (the extend command's verb).</summary>
    public const string Extend = "tracking.extend";
    /// <summary>Start a new area: the prefilled application (the new-area command's verb).</summary>
    public const string NewArea = "tracking.newarea";
    /// <summary>"My activities" as a button.</summary>
    public const string MyActivities = "tracking.activities";
}
