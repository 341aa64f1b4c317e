import { Alert, App, type ButtonProps, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Booking, useCancelBooking } from '../../api/places';
import { dayRange, timeRange } from './places-labels';

/** The institution cancels a booking; a reason is required and the freed place goes to the waitlist. */
export function CancelBookingModal({
  institutionId,
  booking,
  onClose,
}: {
  institutionId: string;
  booking: Booking;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelBooking(institutionId);

  return (
    <Modal
      open
      title={t('places.bookings.cancelTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={cancel.isPending}
      okText={t('places.bookings.cancelConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'booking-cancel-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('places.bookings.member')}>{booking.memberName}</Descriptions.Item>
        <Descriptions.Item label={t('places.bookings.form')}>
          {booking.className ? `${booking.formName} · ${booking.className}` : booking.formName}
        </Descriptions.Item>
        <Descriptions.Item label={t('places.bookings.days')}>
          {dayRange(booking.firstDay, booking.lastDay)} {timeRange(booking.startsAt, booking.endsAt)}
        </Descriptions.Item>
      </Descriptions>
      {cancel.isError && (
        <Alert
          type="error"
          showIcon
          title={cancel.error.message}
          style={{ marginBottom: 12 }}
          data-testid="booking-cancel-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          cancel.mutate(
            { bookingId: booking.id, reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('places.bookings.cancelled'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('places.bookings.reason')}
          extra={t('places.bookings.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('places.bookings.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="booking-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
