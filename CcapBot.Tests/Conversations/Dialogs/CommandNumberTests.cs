using CcapBot.Conversations.Dialogs;
using CcapBot.Hosting;
using CcapBot.Localization;

namespace CcapBot.Tests.Conversations.Dialogs;

/// <summary>Commands that take a number ("suggest mentors for 12") with the app's own commands and phrases.</summary>
public sealed class CommandNumberTests
{
    private readonly CommandRecognizer _recognizer = new(new Localizer(), Routes.Build().DialogRegistry!);

    [Theory]
    [InlineData("suggest mentors for 12", "suggestMentors", 12)]
    [InlineData("Suggest mentors #12", "suggestMentors", 12)]
    [InlineData("suggest mentors for application 7", "suggestMentors", 7)]
    [InlineData("sugest mentors for 7", "suggestMentors", 7)]
    [InlineData("gợi ý cố vấn cho hồ sơ 3", "suggestMentors", 3)]
    [InlineData("goi y co van cho 3", "suggestMentors", 3)]
    [InlineData("schedule launch meeting for partnership 4", "scheduleLaunch", 4)]
    [InlineData("action list 2", "actionList", 2)]
    [InlineData("kế hoạch hành động 2", "actionList", 2)]
    public void ACommandThatTakesANumber_IsRecognisedWithIt(string message, string command, int number)
    {
        var match = _recognizer.Recognize(message);

        Assert.Equal((command, (int?)number), (match?.CommandId, match?.Number));
    }

    [Theory]
    [InlineData("suggest mentors", "suggestMentors")]
    [InlineData("action list", "actionList")]
    [InlineData("help", "help")]
    public void WithoutANumber_TheCommandIsRecognisedAsBefore(string message, string command)
    {
        var match = _recognizer.Recognize(message);

        Assert.Equal((command, (int?)null), (match?.CommandId, match?.Number));
    }

    [Theory]
    [InlineData("profile 12")] // profile takes no number
    [InlineData("help 3")]
    [InlineData("12")]
    [InlineData("suggest mentors for 1234567890")] // more digits than an id has
    [InlineData("my city has 12 monitoring stations")]
    public void ANumberAfterAnythingElse_IsNotACommand(string message) => Assert.Null(_recognizer.Recognize(message));
}
