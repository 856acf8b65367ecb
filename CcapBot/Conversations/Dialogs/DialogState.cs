using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Persistence;

namespace CcapBot.Conversations.Dialogs;

/// <summary>
/// One user's dialog state in one conversation, stored as JSON in <see cref="ConversationMember.DialogState"/>
/// (so it survives restarts, and the member row's version makes concurrent turns re-run on fresh state).
/// </summary>
public sealed record DialogState
{
    /// <summary>The form being filled in, if any.</summary>
    public FormRun? Run { get; set; }

    /// <summary>Recently finished runs, so a repeated Confirm (double click) is recognised and has no second effect.</summary>
    public List<ClosedRun> Closed { get; set; } = [];

    public static DialogState Read(ConversationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (string.IsNullOrEmpty(member.DialogState)) return new DialogState();
        try
        {
            return JsonSerializer.Deserialize(member.DialogState, DialogJsonContext.Default.DialogState) ?? new DialogState();
        }
        catch (JsonException)
        {
            // State written by an incompatible older version: start clean rather than fail every turn.
            return new DialogState();
        }
    }

    public void Write(ConversationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        member.DialogState = Run is null && Closed.Count == 0 ? null : JsonSerializer.Serialize(this, DialogJsonContext.Default.DialogState);
    }
}

public enum RunStage
{
    /// <summary>Chat: one question per turn (<see cref="FormRun.Field"/>).</summary>
    Asking,
    /// <summary>The whole form as one card.</summary>
    Card,
    /// <summary>The summary with Edit, Confirm and Cancel.</summary>
    Summary,
}

public sealed record FormRun
{
    public required string FormId { get; init; }
    /// <summary>Identifies this run on its cards; a card of another run is out of date.</summary>
    public required string InstanceId { get; init; }
    /// <summary>Moves on every change; a button from a card of an earlier step is out of date (double clicks).</summary>
    public int Step { get; set; }
    public RunStage Stage { get; set; }
    public string? Field { get; set; }
    public Dictionary<string, JsonElement> Answers { get; set; } = [];
    /// <summary>Failed attempts at the current question (help is offered after three).</summary>
    public int Attempts { get; set; }
    /// <summary>Editing one field from the summary: go back to the summary after it.</summary>
    public bool ReturnToSummary { get; set; }
    public PendingQuestion? Pending { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum PendingKind
{
    /// <summary>"Cancel this form?"</summary>
    Cancel,
    /// <summary>"Discard the answers and start over?"</summary>
    StartOver,
    /// <summary>"Leave this form and run another command?"</summary>
    Switch,
    /// <summary>The dialog sat idle: "continue or start over?"</summary>
    Resume,
    /// <summary>The text could be a command or an answer: "which did you mean?"</summary>
    Ambiguous,
}

/// <summary>A question the bot asked about the dialog itself, waiting for a reply.</summary>
public sealed record PendingQuestion(PendingKind Kind, string? Command = null, string? Text = null);

public sealed record ClosedRun(string InstanceId, string FormId, bool Completed, DateTimeOffset At);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DialogState))]
internal sealed partial class DialogJsonContext : JsonSerializerContext;
