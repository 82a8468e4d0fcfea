import { CreatePaymentMessaging } from './1764115200000-create-payment-messaging.migration';

export const paymentMigrations = [CreatePaymentMessaging];
