using System.ComponentModel.DataAnnotations;

namespace CcapBot.Conversations.Dialogs;

public sealed class DialogOptions
{
    public const string SectionName = "Dialogs";

    /// <summary>After this long without a turn, a typed message is not taken as the answer: the user is asked "continue or start over?".</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed answers to one question before help is offered with the re-prompt.</summary>
    [Range(1, 10)]
    public int AttemptsBeforeHelp { get; set; } = 3;
}
