IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE TABLE [ConversationMembers] (
        [ChannelId] nvarchar(256) NOT NULL,
        [ConversationId] nvarchar(256) NOT NULL,
        [UserId] nvarchar(256) NOT NULL,
        [UserName] nvarchar(400) NULL,
        [AadObjectId] nvarchar(400) NULL,
        [ServiceUrl] nvarchar(1000) NOT NULL,
        [BotId] nvarchar(400) NOT NULL,
        [BotName] nvarchar(400) NULL,
        [TenantId] nvarchar(400) NULL,
        [ConversationType] nvarchar(400) NULL,
        [IsGroup] bit NOT NULL,
        [ClientLocale] nvarchar(400) NULL,
        [ClientTimeZone] nvarchar(400) NULL,
        [Language] nvarchar(10) NULL,
        [Active] bit NOT NULL,
        [FirstSeenAt] datetimeoffset NOT NULL,
        [LastSeenAt] datetimeoffset NOT NULL,
        [WelcomedAt] datetimeoffset NULL,
        [DialogState] nvarchar(max) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ConversationMembers] PRIMARY KEY ([ChannelId], [ConversationId], [UserId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE TABLE [DirectLineActivities] (
        [Sequence] bigint NOT NULL IDENTITY,
        [ConversationId] nvarchar(400) NOT NULL,
        [ActivityId] nvarchar(400) NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_DirectLineActivities] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE TABLE [DirectLineConversations] (
        [Id] nvarchar(256) NOT NULL,
        [UserId] nvarchar(400) NOT NULL,
        [UserName] nvarchar(400) NULL,
        [Locale] nvarchar(400) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [StartedAt] datetimeoffset NULL,
        CONSTRAINT [PK_DirectLineConversations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [IdempotencyKey] nvarchar(400) NOT NULL,
        [ChannelId] nvarchar(256) NOT NULL,
        [ServiceUrl] nvarchar(1000) NOT NULL,
        [BotId] nvarchar(400) NOT NULL,
        [ConversationId] nvarchar(256) NULL,
        [UserId] nvarchar(400) NULL,
        [TenantId] nvarchar(400) NULL,
        [Activity] nvarchar(max) NOT NULL,
        [UpdateActivityId] nvarchar(400) NULL,
        [UpdateOfKey] nvarchar(400) NULL,
        [Status] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [Attempts] int NOT NULL,
        [LeaseOwner] nvarchar(400) NULL,
        [LeaseUntil] datetimeoffset NULL,
        [SentAt] datetimeoffset NULL,
        [SentActivityId] nvarchar(400) NULL,
        [LastError] nvarchar(2000) NULL,
        [Topic] nvarchar(400) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE TABLE [ProcessedActivities] (
        [ChannelId] nvarchar(256) NOT NULL,
        [ConversationId] nvarchar(256) NOT NULL,
        [ActivityId] nvarchar(256) NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        [InvokeStatus] int NULL,
        [InvokeBody] nvarchar(max) NULL,
        CONSTRAINT [PK_ProcessedActivities] PRIMARY KEY ([ChannelId], [ConversationId], [ActivityId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_ConversationMembers_AadObjectId] ON [ConversationMembers] ([AadObjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_ConversationMembers_UserId] ON [ConversationMembers] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectLineActivities_ConversationId_ActivityId] ON [DirectLineActivities] ([ConversationId], [ActivityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectLineActivities_ConversationId_Sequence] ON [DirectLineActivities] ([ConversationId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_DirectLineConversations_UserId] ON [DirectLineConversations] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_IdempotencyKey] ON [OutboxMessages] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_DueAt] ON [OutboxMessages] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Topic] ON [OutboxMessages] ([Topic]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_UpdateOfKey] ON [OutboxMessages] ([UpdateOfKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    CREATE INDEX [IX_ProcessedActivities_ProcessedAt] ON [ProcessedActivities] ([ProcessedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123032822_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123032822_Initial', N'10.0.14');
END;

COMMIT;
GO

