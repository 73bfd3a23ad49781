/** A confirmation after a change was saved (Post/Redirect/Get lands here); nothing without text. */
export const SavedMessage = ({ text }: { text: string | undefined }) =>
  text ? (
    <p class="ds-alert" data-color="success" role="status">
      {text}
    </p>
  ) : null;
