import { CreatePostalMessaging } from './1764115200000-create-postal-messaging.migration';

export const postalMigrations = [CreatePostalMessaging];
